using System.Collections.Concurrent;

namespace Stratus.Storage;

/// <summary>
/// Opens an <see cref="ObjectStore"/> by its URL scheme (<c>s3</c>, <c>swift</c>, <c>az</c>, <c>file</c>). The
/// runtime's <c>s3</c> and <c>file</c> stores are always registered; each other provider registers its scheme once (a provider package's <c>Register()</c> does it); its factory reads credentials
/// the way that provider's users expect (profiles, environment variables, connection strings).
/// </summary>
public static class ObjectStores
{
    // The runtime's own stores are there from the start; provider packages add theirs with Register.
    private static readonly ConcurrentDictionary<string, Func<StoreSettings, ObjectStore>> s_factories = new(
        [
            new("s3", S3.S3ObjectStore.Open),
            new("file", FileSystem.FileSystemObjectStore.Open),
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers (or replaces) the factory for a scheme.</summary>
    public static void Register(string scheme, Func<StoreSettings, ObjectStore> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentNullException.ThrowIfNull(factory);
        s_factories[scheme] = factory;
    }

    /// <summary>The registered schemes, sorted.</summary>
    public static IReadOnlyList<string> Schemes => [.. s_factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Opens a store for a scheme.</summary>
    /// <exception cref="StorageException">No store is registered for the scheme (<see cref="StorageErrorKind.InvalidRequest"/>).</exception>
    public static ObjectStore Open(string scheme, StoreSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        return s_factories.TryGetValue(scheme, out var factory)
            ? factory(settings ?? new StoreSettings())
            : throw new StorageException(StorageErrorKind.InvalidRequest,
                $"no object store is registered for '{scheme}://' (registered: {string.Join(", ", Schemes)}).");
    }
}
