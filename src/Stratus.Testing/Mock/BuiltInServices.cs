namespace Stratus.Testing.Mock;

/// <summary>The services a mock cloud has out of the box. Each service folder adds its line here.</summary>
internal static class BuiltInServices
{
    public static void AddTo(MockCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
    }
}
