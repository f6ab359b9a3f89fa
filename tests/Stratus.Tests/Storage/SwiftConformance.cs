using Stratus.OpenStack;
using Stratus.OpenStack.Storage;
using Stratus.Storage;
using Stratus.Tests.OpenStack;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Storage;

/// <summary>The conformance suite on OpenStack Swift's native API (TempAuth), against the Swift all-in-one (EMU_SWIFT_AUTH_URL).</summary>
public sealed class SwiftConformance : ObjectStoreConformance
{
    protected override string? SkipReason =>
        Emulators.Url(SwiftEmulator.Variable) is null ? $"{SwiftEmulator.Variable} is not set: the Swift all-in-one is not running (scripts/test.sh starts it)." : null;

    protected override async Task<ObjectStore> CreateStoreAsync()
    {
        // Opened as users open it: by scheme, through the registry, with the settings a user would give.
        OpenStackCloud.Register();
        var store = ObjectStores.Open("swift", new StoreSettings
        {
            EndpointUrl = SwiftEmulator.AuthUrl,
            Values = { ["username"] = SwiftEmulator.User, ["password"] = SwiftEmulator.Key, ["temp-url-key"] = SwiftEmulator.TempUrlKey },
            Environment = _ => null,
        });
        await ((SwiftObjectStore)store).Client.SetTempUrlKeyAsync(SwiftEmulator.TempUrlKey);
        return store;
    }
}
