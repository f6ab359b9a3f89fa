namespace Stratus.Protocols.Server;

/// <summary>Registers the built-in server protocols. Each protocol folder adds its line here.</summary>
internal static class BuiltInServer
{
    public static void Register()
    {
    }
}
