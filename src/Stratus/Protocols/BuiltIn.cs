namespace Stratus.Protocols;

/// <summary>Registers the built-in protocols. Each protocol folder adds its line here.</summary>
internal static class BuiltIn
{
    public static void Register()
    {
    }
}
