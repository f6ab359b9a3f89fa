using System.Text;
using Stratus.Azure.Signing;

namespace Stratus.Tests.Azure;

/// <summary>
/// SharedKey against worked examples: each expected string to sign is written out by hand from the documented
/// format (Authorize with Shared Key, version 2009-09-19+), and each expected signature was computed apart from
/// this code, with Python's hmac/hashlib/base64 over that hand-written string.
/// </summary>
public sealed class SharedKeySignerTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly DateTimeOffset Time = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static HttpRequestMessage Request(HttpMethod method, string url) =>
        new(method, new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    [Fact]
    public void TheDocumentedContainerMetadataExampleSignsItsCanonicalResourceWithSortedQuery()
    {
        using var request = Request(HttpMethod.Get, "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20");
        SharedKeySigner.Sign(request, "myaccount", Key, Time, "2023-11-03");

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-date:Fri, 27 Nov 2026 09:00:00 GMT\nx-ms-version:2023-11-03\n" +
            "/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20",
            SharedKeySigner.StringToSign(request, "myaccount"));
        Assert.Equal("SharedKey myaccount:dsRAqNH5dj3dTQ7quvN/xrmP/7TBuKEPWD/zQ8m+Cpg=", request.Headers.Authorization?.ToString());
        Assert.Equal("Fri, 27 Nov 2026 09:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
    }

    [Fact]
    public void APutBlobSignsLengthTypeAndLowercasedSortedMsHeadersWithTheEncodedPathStyleResource()
    {
        using var request = Request(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/mycontainer/dir/my%20blob.txt");
        request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes("hello world"));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain");
        request.Headers.TryAddWithoutValidation("x-ms-meta-Color", "red");
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        SharedKeySigner.Sign(request, "devstoreaccount1", Key, Time, "2023-11-03");

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain\n\n\n\n\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:Fri, 27 Nov 2026 09:00:00 GMT\nx-ms-meta-color:red\nx-ms-version:2023-11-03\n" +
            "/devstoreaccount1/devstoreaccount1/mycontainer/dir/my%20blob.txt",
            SharedKeySigner.StringToSign(request, "devstoreaccount1"));
        Assert.Equal("SharedKey devstoreaccount1:UbT6gQSXn+ggAWzcwYvwev5yZ2iCpqFprOskvnL1RLk=", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public void AZeroContentLengthIsSignedAsAnEmptyLine()
    {
        using var request = Request(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/mycontainer?restype=container");
        request.Content = new ByteArrayContent([]);
        SharedKeySigner.Sign(request, "devstoreaccount1", Key, Time, "2023-11-03");

        Assert.StartsWith("PUT\n\n\n\n\n\n", SharedKeySigner.StringToSign(request, "devstoreaccount1"), StringComparison.Ordinal);
        Assert.Equal("SharedKey devstoreaccount1:qBY3PxvwBY1BTsInbEW8j5wbcJFgLjSCzXvGO9di9pc=", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public void QueryValuesAreDecodedAndRepeatedNamesJoinedSortedWhileXmsRangeIsAHeaderNotTheRangeLine()
    {
        using var request = Request(HttpMethod.Get, "http://127.0.0.1:10000/devstoreaccount1/c/k?Prefix=a%2Fb%20c&comp=list&include=snapshots&include=metadata");
        request.Headers.TryAddWithoutValidation("x-ms-range", "bytes=0-99");
        SharedKeySigner.Sign(request, "devstoreaccount1", Key, Time, "2023-11-03");

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-date:Fri, 27 Nov 2026 09:00:00 GMT\nx-ms-range:bytes=0-99\nx-ms-version:2023-11-03\n" +
            "/devstoreaccount1/devstoreaccount1/c/k\ncomp:list\ninclude:metadata,snapshots\nprefix:a/b c",
            SharedKeySigner.StringToSign(request, "devstoreaccount1"));
        Assert.Equal("SharedKey devstoreaccount1:6hJFqNXwhOAJfCfakE2MdwRNW0iUNlsAGfoE/eXbB7g=", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public void AnExplicitVersionHeaderIsKeptAndResigningReplacesTheDateAndAuthorization()
    {
        using var request = Request(HttpMethod.Get, "https://myaccount.blob.core.windows.net/?comp=list");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        SharedKeySigner.Sign(request, "myaccount", Key, Time.AddHours(-1), "2023-11-03");
        SharedKeySigner.Sign(request, "myaccount", Key, Time, "2023-11-03");

        Assert.Equal("2021-08-06", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("Fri, 27 Nov 2026 09:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.Single(request.Headers.GetValues("Authorization"));
    }
}
