using Stratus.Azure;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Azure;

/// <summary>The azurite emulator's account, from EMU_AZURE_CONNECTION_STRING (else the development account at EMU_AZURE_BLOB_URL).</summary>
internal static class Azurite
{
    public const string Variable = "EMU_AZURE_BLOB_URL";

    public static AzureStorageAccount Account()
    {
        var endpoint = Emulators.Url(Variable) ?? throw new InvalidOperationException($"{Variable} is not set.");
        return Environment.GetEnvironmentVariable("EMU_AZURE_CONNECTION_STRING") is { Length: > 0 } connectionString
            ? AzureStorageAccount.Parse(connectionString)
            : AzureStorageAccount.DevelopmentStorage.WithBlobEndpoint(endpoint);
    }

    /// <summary>The same account with a wrong key (valid base64, other bytes).</summary>
    public static AzureStorageAccount WrongKey() =>
        new(Account().Name, Account().BlobEndpoint, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)));

    public static string NewContainer() => "stratus-" + Guid.NewGuid().ToString("N")[..16];
}
