using System.Text.Json.Nodes;
using System.Xml;
using Stratus.Azure.Signing;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Providers;

namespace Stratus.Azure;

/// <summary>One client's link to an Azure storage account: its blob endpoint, SharedKey or SAS authentication, and Azure's errors.</summary>
internal sealed class AzureBinding : ProviderBinding
{
    private readonly AzureStorageAccount _account;
    private readonly string _version;

    public AzureBinding(AzureStorageAccount account, string version)
    {
        _account = account;
        _version = string.IsNullOrEmpty(version) ? AzureCloud.BlobApiVersion : version;
    }

    public override ValueTask<Uri> ResolveEndpointAsync(bool async, CancellationToken cancellationToken) => new(_account.BlobEndpoint);

    public override ValueTask SignAsync(HttpRequestMessage request, SigningContext context, bool async, CancellationToken cancellationToken)
    {
        if (_account.SasToken is { } sas)
        {
            // A SAS token authenticates by the query string alone; the date and version headers are still sent.
            request.Headers.Remove("x-ms-date");
            request.Headers.TryAddWithoutValidation("x-ms-date", context.Time.UtcDateTime.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            if (!request.Headers.Contains("x-ms-version"))
            {
                request.Headers.TryAddWithoutValidation("x-ms-version", _version);
            }
            var uri = request.RequestUri!.OriginalString;
            // Rebuilt as sent: the path is already encoded and must not be canonicalized again.
            request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + sas,
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        }
        else
        {
            SharedKeySigner.Sign(request, _account.Name, _account.Key, context.Time, _version);
        }
        return ValueTask.CompletedTask;
    }

    public override ParsedError? ReadError(OperationModel operation, RawResponse response) => AzureErrors.Read(response);

    public override string? RequestId(RawResponse response) => response.Header("x-ms-request-id");

    public override string ToString() => $"AzureBinding {{ Account = {_account.Name} }}";
}
