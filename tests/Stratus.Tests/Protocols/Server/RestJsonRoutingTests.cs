using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

public sealed class RestJsonRoutingTests
{
    [Fact]
    public void EveryOperationOfEveryBundledRestJsonModelIsFoundFromItsClientRequest()
    {
        var loader = ModelLoader.Default;
        var misses = new List<string>();
        var total = 0;
        foreach (var name in loader.ServiceNames)
        {
            var model = loader.LoadService(name);
            if (model.Metadata.Protocol != "rest-json")
            {
                continue;
            }
            var client = ProtocolRegistry.Create("rest-json", model.Metadata);
            var server = ServerProtocolRegistry.Create("rest-json", model.Metadata);
            foreach (var opName in model.OperationNames)
            {
                var operation = model.GetOperation(opName);
                total++;
                var request = client.SerializeRequest(operation, RouteInputs.Minimal(operation));
                var found = server.FindOperation(model, WireRequests.ToServer(request));
                if (found?.Name != operation.Name)
                {
                    misses.Add($"{name}.{operation.Name} ({operation.HttpMethod} {operation.RequestUri}) found {found?.Name ?? "nothing"}");
                }
            }
        }
        Assert.True(total > 1000, $"only {total} rest-json operations");
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }
}
