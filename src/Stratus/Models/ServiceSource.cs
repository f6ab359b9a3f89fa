namespace Stratus.Models;

/// <summary>
/// A service description held by code rather than a folder: a provider's own model, for example read from its
/// assembly's resources. The streams hold botocore-format JSON (<c>service-2.json</c>, <c>paginators-1.json</c>)
/// and are opened only when the service is first used.
/// </summary>
/// <param name="Name">The service's name, for example <c>blob</c>.</param>
/// <param name="ApiVersion">The model's api version.</param>
/// <param name="OpenModel">Opens the model (<c>service-2.json</c>); the loader disposes the stream.</param>
/// <param name="OpenPaginators">Opens the paginators (<c>paginators-1.json</c>), or null when there are none.</param>
public sealed record ServiceSource(string Name, string ApiVersion, Func<Stream> OpenModel, Func<Stream>? OpenPaginators = null)
{
    /// <summary>
    /// A source read from a manifest resource of <paramref name="assembly"/> named <c>&lt;prefix&gt;&lt;name&gt;.service-2.json</c>
    /// (and <c>&lt;prefix&gt;&lt;name&gt;.paginators-1.json</c> when present).
    /// </summary>
    public static ServiceSource FromResources(System.Reflection.Assembly assembly, string prefix, string name, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var model = $"{prefix}{name}.service-2.json";
        var paginators = $"{prefix}{name}.paginators-1.json";
        Stream Open(string resource) => assembly.GetManifestResourceStream(resource)
            ?? throw new KeyNotFoundException($"{assembly.GetName().Name} has no resource '{resource}'.");
        var hasPaginators = assembly.GetManifestResourceInfo(paginators) is not null;
        return new ServiceSource(name, apiVersion, () => Open(model), hasPaginators ? () => Open(paginators) : null);
    }
}
