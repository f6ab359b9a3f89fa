using Stratus.Client;
using Stratus.Models;
using Stratus.OpenStack.Auth;
using Stratus.OpenStack.Swift;
using Stratus.Providers;

namespace Stratus.OpenStack;

/// <summary>
/// OpenStack as a Stratus provider: the <c>swift</c> service description (Swift's native API, spoken by the runtime's
/// rest-xml protocol), bound to a login (Keystone v3 or TempAuth) that every client of this provider shares.
/// </summary>
public sealed class OpenStackProvider : CloudProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "openstack";

    private static readonly ModelLoader s_models = new([
        ServiceSource.FromResources(typeof(OpenStackProvider).Assembly, "Stratus.OpenStack.Swift.Models.", "swift", "v1"),
    ]);

    private readonly Lazy<OpenStackAuthenticator> _authenticator;

    /// <summary>Creates the provider.</summary>
    /// <param name="credentials">Who logs in where; default read from the environment (<c>OS_*</c>, else <c>ST_*</c>) when first needed.</param>
    /// <param name="authTransport">The HTTP handler for logins; default Stratus's shared connection pool.</param>
    /// <param name="clock">The clock for token expiry; default the system's.</param>
    public OpenStackProvider(OpenStackCredentials? credentials = null, HttpMessageHandler? authTransport = null, TimeProvider? clock = null) =>
        _authenticator = new Lazy<OpenStackAuthenticator>(
            () => new OpenStackAuthenticator(credentials ?? OpenStackCredentials.FromEnvironment(), authTransport, clock),
            LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public override string Name => ProviderName;

    /// <inheritdoc />
    public override ModelLoader Models => s_models;

    /// <summary>The login shared by this provider's clients.</summary>
    public OpenStackAuthenticator Authenticator => _authenticator.Value;

    /// <inheritdoc />
    public override ProviderBinding Bind(ServiceModel service, ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Name == "swift"
            ? new SwiftBinding(Authenticator)
            : throw new ClientException(ClientErrorKind.Unsupported, $"openstack: no binding for the service '{service.Name}'.") { Service = service.Name };
    }
}
