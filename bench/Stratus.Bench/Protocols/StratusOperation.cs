using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Bench.Protocols;

/// <summary>A Stratus operation and its service's protocol, loaded once, as a client holds them.</summary>
public sealed class StratusOperation
{
    public StratusOperation(string service, string operation, string? protocol = null)
    {
        var model = protocol is null ? ModelLoader.Default.LoadService(service) : ModelLoader.Default.LoadService(service, protocol);
        Protocol = protocol is null ? ProtocolRegistry.For(model) : ProtocolRegistry.Create(protocol, model.Metadata);
        Operation = model.GetOperation(operation);
    }

    public IWireProtocol Protocol { get; }

    public OperationModel Operation { get; }

    public RawResponse Response(byte[] body, string contentType) =>
        new(200, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType, ["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }, body);
}
