using Stratus.Azure;
using Stratus.Storage;

namespace Stratus.Tests.Azure;

/// <summary>Connection strings, the development-storage shortcut, the environment, and secrets kept out of text.</summary>
public sealed class AzureStorageAccountTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string SomeKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkw";

    [Fact]
    public void AnAccountKeyConnectionStringBuildsTheEndpointFromProtocolAndSuffix()
    {
        var account = AzureStorageAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={SomeKey};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal("acme", account.Name);
        Assert.Equal(new Uri("https://acme.blob.core.chinacloudapi.cn"), account.BlobEndpoint);
        Assert.True(account.HasKey);
        Assert.Equal(SomeKey, account.Key);
        Assert.False(account.HasSasToken);
    }

    [Fact]
    public void DefaultsAreHttpsAndCoreWindowsNet()
    {
        var account = AzureStorageAccount.Parse($"AccountName=acme;AccountKey={SomeKey}");
        Assert.Equal(new Uri("https://acme.blob.core.windows.net"), account.BlobEndpoint);
    }

    [Fact]
    public void AnExplicitBlobEndpointWinsAndThePathStyleAccountIsTakenFromItWhenUnnamed()
    {
        var named = AzureStorageAccount.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), named.BlobEndpoint);
        var unnamed = AzureStorageAccount.Parse("BlobEndpoint=http://127.0.0.1:10000/someaccount;SharedAccessSignature=sv=2023-11-03&sig=x%3D");
        Assert.Equal("someaccount", unnamed.Name);
        Assert.Equal("sv=2023-11-03&sig=x%3D", unnamed.SasToken);
        Assert.False(unnamed.HasKey);
        Assert.Equal("acme", AzureStorageAccount.Parse("BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=?sv=1&sig=2").Name);
    }

    [Fact]
    public void UseDevelopmentStorageIsAzuriteWithTheWellKnownKey()
    {
        var account = AzureStorageAccount.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", account.Name);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(DevKey, account.Key);
        var proxied = AzureStorageAccount.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://emulator.local");
        Assert.Equal(new Uri("http://emulator.local:10000/devstoreaccount1"), proxied.BlobEndpoint);
    }

    [Fact]
    public void MalformedStringsFailWithoutRepeatingTheKey()
    {
        Assert.Throws<FormatException>(() => AzureStorageAccount.Parse("AccountName=acme"));
        Assert.Throws<FormatException>(() => AzureStorageAccount.Parse($"AccountKey={SomeKey}"));
        var bad = Assert.Throws<FormatException>(() => AzureStorageAccount.Parse("AccountName=acme;AccountKey=not base64 secret!!"));
        Assert.DoesNotContain("secret", bad.Message, StringComparison.Ordinal);
        var noEquals = Assert.Throws<FormatException>(() => AzureStorageAccount.Parse($"AccountName=acme;{SomeKey}"));
        Assert.DoesNotContain(SomeKey, noEquals.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringShowsNeitherTheKeyNorTheToken()
    {
        var withKey = AzureStorageAccount.Parse($"AccountName=acme;AccountKey={SomeKey}");
        var withSas = new AzureStorageAccount("acme", sasToken: "sv=2023-11-03&sig=SECRETSIG");
        Assert.DoesNotContain(SomeKey, withKey.ToString(), StringComparison.Ordinal);
        Assert.Contains("shared-key", withKey.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSIG", withSas.ToString(), StringComparison.Ordinal);
        Assert.Contains("sas", withSas.ToString(), StringComparison.Ordinal);
        using var client = AzureCloud.ConnectBlob(withKey);
        Assert.DoesNotContain(SomeKey, client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironmentIsReadAsAzureToolsReadIt()
    {
        Func<string, string?> Env(Dictionary<string, string> vars) => name => vars.GetValueOrDefault(name);
        Assert.Null(AzureStorageAccount.FromEnvironment(Env([])));
        Assert.Equal("devstoreaccount1", AzureStorageAccount.FromEnvironment(Env(new() { ["AZURE_STORAGE_CONNECTION_STRING"] = "UseDevelopmentStorage=true" }))!.Name);
        var keyed = AzureStorageAccount.FromEnvironment(Env(new() { ["AZURE_STORAGE_ACCOUNT"] = "acme", ["AZURE_STORAGE_KEY"] = SomeKey }))!;
        Assert.True(keyed.HasKey);
        var sas = AzureStorageAccount.FromEnvironment(Env(new() { ["AZURE_STORAGE_ACCOUNT"] = "acme", ["AZURE_STORAGE_SAS_TOKEN"] = "?sv=1&sig=2" }))!;
        Assert.Equal("sv=1&sig=2", sas.SasToken);
        Assert.Null(AzureStorageAccount.FromEnvironment(Env(new() { ["AZURE_STORAGE_ACCOUNT"] = "acme" })));
    }

    [Fact]
    public void TheStoreFactoryTakesTheSettingThenTheEnvironmentAndTheEndpointOverride()
    {
        AzureCloud.Register();
        Assert.Contains("az", ObjectStores.Schemes);
        Assert.Contains("azure", Stratus.Providers.CloudProviders.Names);
        var settings = new StoreSettings
        {
            Environment = _ => null,
            EndpointUrl = new Uri("http://127.0.0.1:19999/devstoreaccount1"),
        };
        settings.Values["connection-string"] = "UseDevelopmentStorage=true";
        using var store = ObjectStores.Open("az", settings);
        Assert.Equal("az", store.Scheme);
        Assert.Contains("127.0.0.1:19999", store.ToString(), StringComparison.Ordinal);
        Assert.True(store.Capabilities.HasFlag(StoreCapabilities.SignedUrls));

        var none = Assert.Throws<StorageException>(() => ObjectStores.Open("az", new StoreSettings { Environment = _ => null }));
        Assert.Equal(StorageErrorKind.InvalidRequest, none.Kind);
        using var fromEnv = ObjectStores.Open("az", new StoreSettings
        {
            Environment = name => name switch { "AZURE_STORAGE_ACCOUNT" => "acme", "AZURE_STORAGE_SAS_TOKEN" => "sv=1&sig=2", _ => null },
        });
        // A SAS-token store cannot sign URLs of its own.
        Assert.False(fromEnv.Capabilities.HasFlag(StoreCapabilities.SignedUrls));
        Assert.Throws<NotSupportedException>(() => fromEnv.GetSignedUrl("c", "k", new SignedUrlOptions()));
    }
}
