using Stratus.OpenStack.Storage;
using Stratus.Providers;
using Stratus.Storage;

namespace Stratus.OpenStack;

/// <summary>The package's entry point: registers OpenStack with Stratus.</summary>
public static class OpenStackCloud
{
    private static readonly Lazy<OpenStackProvider> s_default = new(() => new OpenStackProvider());

    /// <summary>The provider registered by <see cref="Register"/>: credentials from the environment, read when first needed.</summary>
    public static OpenStackProvider Default => s_default.Value;

    /// <summary>
    /// Registers the <c>openstack</c> provider (<c>CloudProviders.Connect("openstack", "swift")</c>) and the <c>swift://</c>
    /// object store (<c>ObjectStores.Open("swift", settings)</c>). Calling it again does no harm.
    /// </summary>
    public static void Register()
    {
        CloudProviders.Register(Default);
        ObjectStores.Register("swift", SwiftObjectStore.Open);
    }
}
