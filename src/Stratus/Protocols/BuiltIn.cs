using Stratus.Protocols.Cbor;
using Stratus.Protocols.Json;
using Stratus.Protocols.Query;
using Stratus.Protocols.RestXml;

namespace Stratus.Protocols;

/// <summary>Registers the built-in protocols. Each protocol folder adds its line here.</summary>
internal static class BuiltIn
{
    public static void Register()
    {
        ProtocolRegistry.Register("json", m => new JsonProtocol(m));
        ProtocolRegistry.Register("rest-json", _ => new RestJsonProtocol());
        ProtocolRegistry.Register("smithy-rpc-v2-cbor", m => new RpcV2CborProtocol(m));
        ProtocolRegistry.Register("query", m => new QueryProtocol(m));
        ProtocolRegistry.Register("ec2", m => new Ec2Protocol(m));
        ProtocolRegistry.Register("rest-xml", m => new RestXmlProtocol(m));
    }
}
