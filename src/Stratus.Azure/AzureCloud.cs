using Stratus.Azure.Storage;
using Stratus.Client;
using Stratus.Providers;
using Stratus.Storage;

namespace Stratus.Azure;

/// <summary>
/// The entry point of Azure Storage for Stratus. <see cref="Register"/> once at startup makes the provider
/// <c>azure</c> known to <see cref="CloudProviders"/> and the <c>az://</c> scheme to <see cref="ObjectStores"/>;
/// <see cref="ConnectBlob(string, ClientOptions?)"/> gives a <see cref="ServiceClient"/> for the blob service.
/// </summary>
public static class AzureCloud
{
    /// <summary>The provider's name: <c>azure</c>.</summary>
    public const string ProviderName = "azure";

    /// <summary>The portable storage URL scheme: <c>az</c> (<c>az://container/blob</c>).</summary>
    public const string StoreScheme = "az";

    /// <summary>The blob service version this package's model speaks and signs (<c>x-ms-version</c>, SAS <c>sv</c>).</summary>
    public const string BlobApiVersion = "2023-11-03";

    /// <summary>
    /// Registers the provider <c>azure</c> (its clients take the account from the environment) and the object store
    /// factory for <c>az://</c>. Calling it again does no harm.
    /// </summary>
    public static void Register()
    {
        CloudProviders.Register(new AzureProvider());
        ObjectStores.Register(StoreScheme, OpenStore);
    }

    /// <summary>A blob service client for the account a connection string names.</summary>
    /// <param name="connectionString">For example <c>UseDevelopmentStorage=true</c> or <c>DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...</c>.</param>
    /// <param name="options">Client options (retries, timeouts, logging); its <see cref="ClientOptions.Provider"/> is set.</param>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static ServiceClient ConnectBlob(string connectionString, ClientOptions? options = null) =>
        ConnectBlob(AzureStorageAccount.Parse(connectionString), options);

    /// <summary>A blob service client for an account.</summary>
    /// <param name="account">The account, its endpoint and credential.</param>
    /// <param name="options">Client options (retries, timeouts, logging); its <see cref="ClientOptions.Provider"/> is set.</param>
    public static ServiceClient ConnectBlob(AzureStorageAccount account, ClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        options ??= new ClientOptions();
        options.Provider = new AzureProvider(account);
        return new ServiceClient("blob", options);
    }

    /// <summary>
    /// Opens the <c>az://</c> store from settings: <c>Values["connection-string"]</c>, else
    /// <c>AZURE_STORAGE_CONNECTION_STRING</c>, else <c>AZURE_STORAGE_ACCOUNT</c> with <c>AZURE_STORAGE_KEY</c> or
    /// <c>AZURE_STORAGE_SAS_TOKEN</c> (read through <see cref="StoreSettings.Environment"/>); <see cref="StoreSettings.EndpointUrl"/>
    /// replaces the account's blob endpoint.
    /// </summary>
    /// <exception cref="StorageException">No account is configured, or the connection string is malformed (<see cref="StorageErrorKind.InvalidRequest"/>).</exception>
    public static AzureBlobStore OpenStore(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AzureStorageAccount? account;
        try
        {
            account = settings.Values.TryGetValue("connection-string", out var connectionString) && !string.IsNullOrEmpty(connectionString)
                ? AzureStorageAccount.Parse(connectionString)
                : AzureStorageAccount.FromEnvironment(settings.Environment);
        }
        catch (FormatException e)
        {
            throw new StorageException(StorageErrorKind.InvalidRequest, $"az: {e.Message}", e);
        }
        if (account is null)
        {
            throw new StorageException(StorageErrorKind.InvalidRequest,
                "az: no storage account is configured. Set the 'connection-string' setting or AZURE_STORAGE_CONNECTION_STRING, " +
                "or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN.");
        }
        if (settings.EndpointUrl is { } endpoint)
        {
            account = account.WithBlobEndpoint(endpoint);
        }
        return new AzureBlobStore(account);
    }
}
