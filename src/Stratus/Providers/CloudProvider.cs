using Stratus.Client;
using Stratus.Models;

namespace Stratus.Providers;

/// <summary>
/// A cloud other than AWS, as one unit: its service descriptions (models in botocore's format, spoken by the
/// runtime's own protocols), and per client its endpoint, credentials, signer and error mapping
/// (<see cref="ProviderBinding"/>). Register it once with <see cref="CloudProviders.Register"/>; a client takes it
/// through <see cref="ClientOptions.Provider"/> (or <see cref="CloudProviders.Connect"/>). The runtime knows no provider by name.
/// </summary>
public abstract class CloudProvider
{
    /// <summary>The provider's name, for example <c>azure</c> or <c>openstack</c> (lowercase; used in URLs and the CLI).</summary>
    public abstract string Name { get; }

    /// <summary>The provider's service descriptions (for example built with <see cref="ModelLoader(IEnumerable{ServiceSource})"/>).</summary>
    public abstract ModelLoader Models { get; }

    /// <summary>
    /// Binds one client: where its requests go, how they are authenticated, how errors read. Called once, when the
    /// client is built; it must do no I/O (log in lazily, on the first call).
    /// </summary>
    /// <param name="service">The service's model, loaded from <see cref="Models"/>.</param>
    /// <param name="options">The client's options.</param>
    public abstract ProviderBinding Bind(ServiceModel service, ClientOptions options);

    /// <summary>Shows the provider's name.</summary>
    public override string ToString() => $"CloudProvider {{ Name = {Name} }}";
}
