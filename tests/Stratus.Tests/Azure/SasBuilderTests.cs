using Stratus.Azure;
using Stratus.Azure.Signing;

namespace Stratus.Tests.Azure;

/// <summary>
/// Service and account SAS: strings to sign written out from the documented 2020-12-06+ formats, signatures
/// computed apart from this code (Python hmac over the hand-written strings). Azurite checks them live too.
/// </summary>
public sealed class SasBuilderTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void ABlobReadSasSignsItsFieldsInTheDocumentedOrder()
    {
        var sas = new BlobSasBuilder
        {
            Container = "c",
            Blob = "dir/k.txt",
            Permissions = "r",
            StartsOn = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
            ExpiresOn = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero),
        };

        Assert.Equal("r\n2026-11-27T09:00:00Z\n2026-11-27T10:00:00Z\n/blob/devstoreaccount1/c/dir/k.txt\n\n\n\n2023-11-03\nb\n\n\n\n\n\n\n",
            sas.StringToSign("devstoreaccount1"));
        var token = sas.ToSasToken("devstoreaccount1", Key);
        var query = System.Web.HttpUtility.ParseQueryString(token);
        Assert.Equal("2023-11-03", query["sv"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("2026-11-27T09:00:00Z", query["st"]);
        Assert.Equal("2026-11-27T10:00:00Z", query["se"]);
        Assert.Equal("mH48xoW6gLuUrGaUKYF3KqUfx23SWroU8A4Y1+EkfCg=", query["sig"]);
        // The signature's '+' and '/' are escaped in the token.
        Assert.Contains("sig=mH48xoW6gLuUrGaUKYF3KqUfx23SWroU8A4Y1%2BEkfCg%3D", token, StringComparison.Ordinal);
    }

    [Fact]
    public void AContainerSasHasResourceCAndPermissionsPutInTheServiceOrder()
    {
        var sas = new BlobSasBuilder { Container = "c", Permissions = "lwr", ExpiresOn = DateTimeOffset.UnixEpoch.AddYears(60) };
        var text = sas.StringToSign("acct");
        Assert.StartsWith("rwl\n\n", text, StringComparison.Ordinal);
        Assert.Contains("\n/blob/acct/c\n", text, StringComparison.Ordinal);
        Assert.Contains("\n2023-11-03\nc\n", text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BlobSasBuilder { Container = "c", Permissions = "rz", ExpiresOn = DateTimeOffset.UtcNow }.StringToSign("acct"));
    }

    [Fact]
    public void AnAccountSasEndsItsStringToSignWithANewline()
    {
        var sas = new AccountSasBuilder
        {
            Permissions = "lr",
            ResourceTypes = "oc",
            ExpiresOn = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero),
            Protocol = "https",
        };

        Assert.Equal("devstoreaccount1\nrl\nb\nco\n\n2026-11-27T10:00:00Z\n\nhttps\n2023-11-03\n\n", sas.StringToSign("devstoreaccount1"));
        var query = System.Web.HttpUtility.ParseQueryString(sas.ToSasToken(new AzureStorageAccount("devstoreaccount1", key: Key)));
        Assert.Equal("b", query["ss"]);
        Assert.Equal("co", query["srt"]);
        Assert.Equal("rl", query["sp"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("L8xNUWw0mr6Xv1GGgEqK96PmXFw6VhLcqPLC6f39CYA=", query["sig"]);
    }

    [Fact]
    public void MakingASasNeedsTheKey()
    {
        var account = new AzureStorageAccount("acct", sasToken: "sv=2023-11-03&sig=abc");
        Assert.Throws<InvalidOperationException>(() => new BlobSasBuilder { Container = "c", Permissions = "r", ExpiresOn = DateTimeOffset.UtcNow }.ToSasToken(account));
    }
}
