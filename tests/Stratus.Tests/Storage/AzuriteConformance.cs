using Stratus.Azure;
using Stratus.Azure.Storage;
using Stratus.Storage;
using Stratus.Tests.Azure;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Storage;

/// <summary>The conformance suite on Azure Blob Storage, against azurite (EMU_AZURE_BLOB_URL; azurite verifies SharedKey).</summary>
public sealed class AzuriteConformance : ObjectStoreConformance
{
    protected override string? SkipReason =>
        Emulators.Url(Azurite.Variable) is null ? $"{Azurite.Variable} is not set: azurite is not running (scripts/test.sh starts it)." : null;

    protected override Task<ObjectStore> CreateStoreAsync() => Task.FromResult<ObjectStore>(new AzureBlobStore(Azurite.Account()));
}
