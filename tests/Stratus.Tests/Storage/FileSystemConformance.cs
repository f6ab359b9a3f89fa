using Stratus.Storage;
using Stratus.Storage.FileSystem;

namespace Stratus.Tests.Storage;

/// <summary>The conformance suite on the local-filesystem store, in a scratch folder.</summary>
public sealed class FileSystemConformance : ObjectStoreConformance
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "stratus-fs-conf-" + Guid.NewGuid().ToString("N"));

    protected override Task<ObjectStore> CreateStoreAsync() => Task.FromResult<ObjectStore>(new FileSystemObjectStore(_root));

    protected override Task CleanupAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
        return Task.CompletedTask;
    }
}
