using Stratus.Client;
using Stratus.Models;
using Stratus.Providers;

namespace Stratus.Azure;

/// <summary>
/// Azure Storage as a <see cref="CloudProvider"/> named <c>azure</c>: the <c>blob</c> service description (embedded
/// in this assembly, spoken by the runtime's rest-xml protocol) and, per client, the account's endpoint, SharedKey
/// or SAS authentication and Azure's error format. With no account given, each client takes it from the
/// environment (<see cref="AzureStorageAccount.FromEnvironment"/>).
/// </summary>
public sealed class AzureProvider : CloudProvider
{
    private static readonly ModelLoader s_models = new(
    [
        ServiceSource.FromResources(typeof(AzureProvider).Assembly, "Stratus.Azure.Models.", "blob", AzureCloud.BlobApiVersion),
    ]);

    /// <summary>Creates the provider for one account, or (null) for the account the environment names.</summary>
    public AzureProvider(AzureStorageAccount? account = null) => Account = account;

    /// <summary>The account its clients use; null to read it from the environment when a client is built.</summary>
    public AzureStorageAccount? Account { get; }

    /// <inheritdoc />
    public override string Name => AzureCloud.ProviderName;

    /// <inheritdoc />
    public override ModelLoader Models => s_models;

    /// <inheritdoc />
    /// <exception cref="ClientException">No account is known (<see cref="ClientErrorKind.Credentials"/>), or the service is not <c>blob</c>.</exception>
    public override ProviderBinding Bind(ServiceModel service, ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var account = Account ?? AzureStorageAccount.FromEnvironment()
            ?? throw new ClientException(ClientErrorKind.Credentials,
                "azure: no storage account is known. Pass a connection string to AzureCloud.ConnectBlob, or set AZURE_STORAGE_CONNECTION_STRING, " +
                "or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN.") { Service = service.Name };
        return new AzureBinding(account, service.Metadata.ApiVersion);
    }

    /// <summary>Shows the provider and its account (never the key).</summary>
    public override string ToString() => $"AzureProvider {{ Account = {Account?.Name ?? "(environment)"} }}";
}
