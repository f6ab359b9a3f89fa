using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>Every operation of every bundled REST model is found by <see cref="Stratus.Protocols.Rest.RestRequestMatcher"/> from the request its client sends.</summary>
public sealed class RestRoutingTests
{
    // Operations whose requests are the same on the wire as another's, told apart only by the endpoint: the other is found.
    private static readonly Dictionary<string, string> SameOnTheWire = new(StringComparer.Ordinal)
    {
        ["s3.ListDirectoryBuckets"] = "ListBuckets", // GET / at the s3express-control endpoint
    };

    [Theory]
    [InlineData("rest-json", 1000)]
    [InlineData("rest-xml", 100)]
    public void EveryOperationOfEveryBundledModelIsFoundFromItsClientRequest(string protocol, int atLeast)
    {
        var loader = ModelLoader.Default;
        var misses = new List<string>();
        var total = 0;
        foreach (var name in loader.ServiceNames)
        {
            var model = loader.LoadService(name);
            if (model.Metadata.Protocol != protocol)
            {
                continue;
            }
            var client = ProtocolRegistry.Create(protocol, model.Metadata);
            var server = ServerProtocolRegistry.Create(protocol, model.Metadata);
            foreach (var opName in model.OperationNames)
            {
                var operation = model.GetOperation(opName);
                total++;
                var request = client.SerializeRequest(operation, RouteInputs.Minimal(operation));
                var found = server.FindOperation(model, WireRequests.ToServer(request));
                if (found?.Name != operation.Name && !Replaced(name, operation, found))
                {
                    misses.Add($"{name}.{operation.Name} ({operation.HttpMethod} {operation.RequestUri}, sent {request.Method} {request.PathAndQuery}) found {found?.Name ?? "nothing"}");
                }
            }
        }
        Assert.True(total > atLeast, $"only {total} {protocol} operations");
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }

    // A deprecated operation shares its request with the one that replaced it (S3's GetBucketLifecycle and
    // GetBucketLifecycleConfiguration): the current one is found, as the service answers.
    private static bool Replaced(string service, OperationModel operation, OperationModel? found) =>
        found is not null
        && found.HttpMethod == operation.HttpMethod
        && found.RequestUri == operation.RequestUri
        && ((operation.Deprecated && !found.Deprecated) || (SameOnTheWire.TryGetValue($"{service}.{operation.Name}", out var other) && found.Name == other));
}
