using Stratus.Storage;
using Stratus.Storage.S3;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Storage;

/// <summary>The conformance suite on S3 in the mock cloud, served on 127.0.0.1 so that signed URLs work with a plain HttpClient.</summary>
public sealed class MockCloudS3Conformance : ObjectStoreConformance
{
    private MockServer? _server;

    protected override async Task<ObjectStore> CreateStoreAsync()
    {
        var cloud = new MockCloud();
        _server = await cloud.StartServerAsync();
        var options = cloud.ClientOptions();
        options.EndpointUrl = _server.Url;
        options.Transport = null;
        return new S3ObjectStore(options);
    }

    protected override async Task CleanupAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
