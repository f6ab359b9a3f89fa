using System.Text.Json;

namespace Stratus.OpenStack.Auth;

/// <summary>Chooses an endpoint from a Keystone v3 token's service catalog: by service type, interface and region.</summary>
public static class ServiceCatalog
{
    /// <summary>
    /// The URL of the first endpoint of a service of <paramref name="serviceType"/> with <paramref name="interface"/>
    /// (<c>public</c>, <c>internal</c>, <c>admin</c>; the v2 forms <c>publicURL</c> are accepted) in
    /// <paramref name="region"/> (by <c>region_id</c> or <c>region</c>; null: any).
    /// </summary>
    /// <param name="catalog">The <c>token.catalog</c> array.</param>
    /// <param name="serviceType">The service type, for example <c>object-store</c>.</param>
    /// <param name="interface">The interface.</param>
    /// <param name="region">The region, or null.</param>
    /// <exception cref="KeyNotFoundException">No endpoint matches; the message lists those there are.</exception>
    public static Uri Select(JsonElement catalog, string serviceType, string @interface, string? region)
    {
        var wanted = NormalizeInterface(@interface);
        var seen = new List<string>();
        if (catalog.ValueKind == JsonValueKind.Array)
        {
            foreach (var service in catalog.EnumerateArray())
            {
                if (Text(service, "type") != serviceType || !service.TryGetProperty("endpoints", out var endpoints) || endpoints.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var endpoint in endpoints.EnumerateArray())
                {
                    var itsInterface = NormalizeInterface(Text(endpoint, "interface") ?? "");
                    var itsRegion = Text(endpoint, "region_id") ?? Text(endpoint, "region");
                    seen.Add($"{itsInterface}@{itsRegion ?? "(no region)"}");
                    if (itsInterface == wanted && (region is null || string.Equals(region, itsRegion, StringComparison.Ordinal)
                        || string.Equals(region, Text(endpoint, "region"), StringComparison.Ordinal))
                        && Text(endpoint, "url") is { } url)
                    {
                        return new Uri(url);
                    }
                }
            }
        }
        throw new KeyNotFoundException(
            $"the service catalog has no '{serviceType}' endpoint with interface '{wanted}'{(region is null ? "" : $" in region '{region}'")}" +
            $" (it has: {(seen.Count == 0 ? "none" : string.Join(", ", seen))}).");
    }

    private static string NormalizeInterface(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v.EndsWith("url", StringComparison.Ordinal) ? v[..^3] : v;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
