using System.Globalization;

namespace Stratus.Azure;

/// <summary>
/// An Azure storage account as a client reaches it: its name, its blob endpoint, and its credential, either the
/// account key (SharedKey signing) or a SAS token. Build one from a connection string (<see cref="Parse"/>), from
/// the environment (<see cref="FromEnvironment"/>), or by hand. The key and the SAS token are secrets: they are
/// never shown by <see cref="ToString"/>.
/// </summary>
public sealed class AzureStorageAccount
{
    /// <summary>The development storage (azurite, the Azure Storage Emulator) account's well-known name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Published by Microsoft for the storage emulator; not a secret (it only opens a local emulator).
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _key;
    private readonly string? _sasToken;

    /// <summary>Creates an account description.</summary>
    /// <param name="name">The account name.</param>
    /// <param name="blobEndpoint">The blob service's URL; default <c>https://NAME.blob.core.windows.net</c>.</param>
    /// <param name="key">The account key (base64), for SharedKey signing and for making SAS tokens.</param>
    /// <param name="sasToken">A SAS token (with or without a leading <c>?</c>) used instead of the key to authenticate requests.</param>
    /// <exception cref="ArgumentException">The name is empty, or the key is not base64.</exception>
    public AzureStorageAccount(string name, Uri? blobEndpoint = null, string? key = null, string? sasToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        BlobEndpoint = blobEndpoint ?? new Uri($"https://{name}.blob.core.windows.net");
        if (!string.IsNullOrEmpty(key))
        {
            // Checked here so a bad key fails when it is given, with a message that does not repeat it.
            if (!IsBase64(key))
            {
                throw new ArgumentException("The account key is not valid base64.", nameof(key));
            }
            _key = key;
        }
        _sasToken = string.IsNullOrEmpty(sasToken) ? null : sasToken.TrimStart('?');
    }

    private static bool IsBase64(string key)
    {
        try
        {
            Convert.FromBase64String(key);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The account name.</summary>
    public string Name { get; }

    /// <summary>The blob service's URL (for azurite, <c>http://127.0.0.1:10000/devstoreaccount1</c>).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Whether the account key is known (SharedKey signing and SAS generation are possible).</summary>
    public bool HasKey => _key is not null;

    /// <summary>Whether requests are authenticated by a SAS token (it takes precedence over the key).</summary>
    public bool HasSasToken => _sasToken is not null;

    /// <summary>The account key (base64): a secret, never logged.</summary>
    /// <exception cref="InvalidOperationException">The account has no key.</exception>
    public string Key => _key ?? throw new InvalidOperationException($"The storage account '{Name}' has no account key.");

    /// <summary>The SAS token without its leading <c>?</c>, or null: a secret, never logged.</summary>
    public string? SasToken => _sasToken;

    /// <summary>The development storage account (azurite) at its default address, <c>http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public static AzureStorageAccount DevelopmentStorage { get; } =
        new(DevelopmentAccountName, new Uri("http://127.0.0.1:10000/devstoreaccount1"), DevelopmentAccountKey);

    /// <summary>A copy with another blob endpoint (an emulator, a private endpoint, a custom domain).</summary>
    public AzureStorageAccount WithBlobEndpoint(Uri blobEndpoint) => new(Name, blobEndpoint, _key, _sasToken);

    /// <summary>
    /// Parses a connection string: <c>AccountName</c>, <c>AccountKey</c>, <c>BlobEndpoint</c>,
    /// <c>DefaultEndpointsProtocol</c>, <c>EndpointSuffix</c>, <c>SharedAccessSignature</c>, or
    /// <c>UseDevelopmentStorage=true</c> (with an optional <c>DevelopmentStorageProxyUri</c>).
    /// </summary>
    /// <exception cref="FormatException">The string is malformed or names no account (the message never repeats the key).</exception>
    public static AzureStorageAccount Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // Only the setting's name (or position) is shown: the value may be a key.
                throw new FormatException($"The connection string has a setting without '=' (setting {settings.Count + 1}).");
            }
            // Keys and SAS tokens end in '=' or hold '=': only the first one separates the name.
            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        string? Get(string name) => settings.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

        if (string.Equals(Get("UseDevelopmentStorage"), "true", StringComparison.OrdinalIgnoreCase))
        {
            if (Get("DevelopmentStorageProxyUri") is { } proxy)
            {
                var baseUri = new Uri(proxy);
                return DevelopmentStorage.WithBlobEndpoint(new Uri($"{baseUri.Scheme}://{baseUri.Host}:10000/{DevelopmentAccountName}"));
            }
            return DevelopmentStorage;
        }
        var blobEndpoint = Get("BlobEndpoint") is { } endpoint ? new Uri(endpoint) : null;
        var name = Get("AccountName") ?? (blobEndpoint is not null ? AccountFromEndpoint(blobEndpoint) : null)
            ?? throw new FormatException("The connection string names no account (AccountName or BlobEndpoint).");
        if (blobEndpoint is null)
        {
            var protocol = Get("DefaultEndpointsProtocol") ?? "https";
            var suffix = Get("EndpointSuffix") ?? "core.windows.net";
            blobEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"{protocol}://{name}.blob.{suffix}"));
        }
        var key = Get("AccountKey");
        var sas = Get("SharedAccessSignature");
        if (key is null && sas is null)
        {
            throw new FormatException("The connection string has neither AccountKey nor SharedAccessSignature.");
        }
        try
        {
            return new AzureStorageAccount(name, blobEndpoint, key, sas);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The connection string's AccountKey is not valid: {e.Message}", e);
        }
    }

    // https://NAME.blob.core.windows.net → NAME; http://127.0.0.1:10000/NAME (path style, emulators) → NAME.
    private static string? AccountFromEndpoint(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.Trim('/');
        if (path.Length > 0 && (endpoint.IsLoopback || System.Net.IPAddress.TryParse(endpoint.Host, out _)))
        {
            return path.Split('/')[0];
        }
        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? endpoint.Host[..dot] : null;
    }

    /// <summary>
    /// The account from the environment, the way Azure's tools read it: <c>AZURE_STORAGE_CONNECTION_STRING</c>, else
    /// <c>AZURE_STORAGE_ACCOUNT</c> with <c>AZURE_STORAGE_KEY</c> or <c>AZURE_STORAGE_SAS_TOKEN</c>; null when none is set.
    /// </summary>
    /// <param name="environment">Reads a variable; default the process environment.</param>
    public static AzureStorageAccount? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment("AZURE_STORAGE_CONNECTION_STRING") is { Length: > 0 } connectionString)
        {
            return Parse(connectionString);
        }
        if (environment("AZURE_STORAGE_ACCOUNT") is { Length: > 0 } account)
        {
            var key = environment("AZURE_STORAGE_KEY");
            var sas = environment("AZURE_STORAGE_SAS_TOKEN");
            if (string.IsNullOrEmpty(key) && string.IsNullOrEmpty(sas))
            {
                return null;
            }
            return new AzureStorageAccount(account, null, key, sas);
        }
        return null;
    }

    /// <summary>Shows the account and endpoint and how it authenticates; never the key or the token.</summary>
    public override string ToString() =>
        $"AzureStorageAccount {{ Name = {Name}, BlobEndpoint = {BlobEndpoint}, Auth = {(HasSasToken ? "sas" : HasKey ? "shared-key" : "none")} }}";
}
