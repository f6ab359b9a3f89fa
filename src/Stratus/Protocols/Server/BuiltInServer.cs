using Stratus.Protocols.Cbor;
using Stratus.Protocols.Json;
using Stratus.Protocols.Query;
using Stratus.Protocols.RestXml;

namespace Stratus.Protocols.Server;

/// <summary>Registers the built-in server protocols. Each protocol folder adds its line here.</summary>
internal static class BuiltInServer
{
    public static void Register()
    {
        ServerProtocolRegistry.Register("json", m => new JsonServerProtocol(m));
        ServerProtocolRegistry.Register("rest-json", _ => new RestJsonServerProtocol());
        ServerProtocolRegistry.Register("smithy-rpc-v2-cbor", m => new RpcV2CborServerProtocol(m));
        ServerProtocolRegistry.Register("query", m => new QueryServerProtocol(m));
        ServerProtocolRegistry.Register("ec2", m => new Ec2ServerProtocol(m));
        ServerProtocolRegistry.Register("rest-xml", m => new RestXmlServerProtocol(m));
    }
}
