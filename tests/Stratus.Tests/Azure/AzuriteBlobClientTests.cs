using System.Text;
using System.Text.Json.Nodes;
using Stratus.Azure;
using Stratus.Azure.Signing;
using Stratus.Client;
using Stratus.Protocols;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Azure;

/// <summary>The blob service model through the generic client against azurite, which verifies SharedKey and SAS.</summary>
public sealed class AzuriteBlobClientTests
{
    [EmulatorFact(Azurite.Variable)]
    public async Task ContainersAndBlobsRoundTripWithMetadataAsNativeData()
    {
        using var blob = AzureCloud.ConnectBlob(Azurite.Account());
        var container = Azurite.NewContainer();
        var created = await blob.CallAsync("CreateContainer", new JsonObject { ["Container"] = container, ["Metadata"] = new JsonObject { ["team"] = "storage" } });
        Assert.NotNull(created["ETag"]);
        Assert.Equal(201, (int)created["ResponseMetadata"]!["HTTPStatusCode"]!);
        Assert.False(string.IsNullOrEmpty((string?)created["ResponseMetadata"]!["RequestId"]));

        var props = await blob.CallAsync("GetContainerProperties", new JsonObject { ["Container"] = container });
        Assert.Equal("storage", (string?)props["Metadata"]!["team"]);
        await blob.CallAsync("SetContainerMetadata", new JsonObject { ["Container"] = container, ["Metadata"] = new JsonObject { ["team"] = "blobs" } });
        Assert.Equal("blobs", (string?)(await blob.CallAsync("GetContainerProperties", new JsonObject { ["Container"] = container }))["Metadata"]!["team"]);

        var text = "héllo, azure";
        await blob.CallAsync("PutBlob", new JsonObject
        {
            ["Container"] = container,
            ["Blob"] = "dir/hello world.txt",
            ["BlobType"] = "BlockBlob",
            ["Body"] = NativeValues.Blob(Encoding.UTF8.GetBytes(text)),
            ["ContentType"] = "text/plain; charset=utf-8",
            ["Metadata"] = new JsonObject { ["color"] = "red" },
        });
        var got = await blob.CallAsync("GetBlob", new JsonObject { ["Container"] = container, ["Blob"] = "dir/hello world.txt" });
        Assert.True(NativeValues.TryGetStream(got["Body"], out var body));
        using (var reader = new StreamReader(body))
        {
            Assert.Equal(text, await reader.ReadToEndAsync());
        }
        Assert.Equal("text/plain; charset=utf-8", (string?)got["ContentType"]);
        Assert.Equal("red", (string?)got["Metadata"]!["color"]);
        Assert.Equal("BlockBlob", (string?)got["BlobType"]);

        await blob.CallAsync("SetBlobMetadata", new JsonObject { ["Container"] = container, ["Blob"] = "dir/hello world.txt", ["Metadata"] = new JsonObject { ["shape"] = "round" } });
        // The synchronous call runs the same path.
        var head = blob.Call("GetBlobProperties", new JsonObject { ["Container"] = container, ["Blob"] = "dir/hello world.txt" });
        Assert.Equal(Encoding.UTF8.GetByteCount(text), (long)head["ContentLength"]!);
        Assert.Equal("round", (string?)head["Metadata"]!["shape"]);
        Assert.Null(head["Metadata"]!["color"]);

        // Listing with include=metadata reads Azure's <Metadata><name>value</name></Metadata>.
        var listing = await blob.CallAsync("ListBlobs", new JsonObject { ["Container"] = container, ["Include"] = "metadata" });
        var item = listing["Blobs"]!["BlobItems"]!.AsArray().Single()!;
        Assert.Equal("dir/hello world.txt", (string?)item["Name"]);
        Assert.Equal("round", (string?)item["Metadata"]!["shape"]);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), (long)item["Properties"]!["ContentLength"]!);

        await blob.CallAsync("DeleteBlob", new JsonObject { ["Container"] = container, ["Blob"] = "dir/hello world.txt" });
        var missing = await Assert.ThrowsAsync<ServiceException>(() => blob.CallAsync("GetBlobProperties", new JsonObject { ["Container"] = container, ["Blob"] = "dir/hello world.txt" }));
        // A HEAD has no body: the code comes from x-ms-error-code, the request id from x-ms-request-id.
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("BlobNotFound", missing.ErrorCode);
        Assert.False(string.IsNullOrEmpty(missing.RequestId));
        var gone = await Assert.ThrowsAsync<ServiceException>(() => blob.CallAsync("GetBlob", new JsonObject { ["Container"] = container, ["Blob"] = "nope" }));
        Assert.Equal("BlobNotFound", gone.ErrorCode);
        Assert.False(string.IsNullOrEmpty(gone.ErrorMessage));
        await blob.CallAsync("DeleteContainer", new JsonObject { ["Container"] = container });
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task ListingsPageByMarkerAndRollUpByDelimiter()
    {
        using var blob = AzureCloud.ConnectBlob(Azurite.Account());
        var container = Azurite.NewContainer();
        await blob.CallAsync("CreateContainer", new JsonObject { ["Container"] = container });
        string[] names = ["a/1", "a/2", "a/b/3", "c", "d/4", "e", "f"];
        foreach (var name in names)
        {
            await blob.CallAsync("PutBlob", new JsonObject { ["Container"] = container, ["Blob"] = name, ["BlobType"] = "BlockBlob", ["Body"] = NativeValues.Blob(Encoding.ASCII.GetBytes(name)) });
        }

        var pages = new List<JsonObject>();
        await foreach (var page in blob.PaginateAsync("ListBlobs", new JsonObject { ["Container"] = container, ["MaxResults"] = 3 }))
        {
            pages.Add(page);
        }
        Assert.Equal(3, pages.Count);
        Assert.Equal(names, pages.SelectMany(p => p["Blobs"]!["BlobItems"]?.AsArray() ?? []).Select(b => (string)b!["Name"]!));
        Assert.False(string.IsNullOrEmpty((string?)pages[0]["NextMarker"]));

        var top = await blob.CallAsync("ListBlobs", new JsonObject { ["Container"] = container, ["Delimiter"] = "/" });
        Assert.Equal(["c", "e", "f"], top["Blobs"]!["BlobItems"]!.AsArray().Select(b => (string)b!["Name"]!));
        Assert.Equal(["a/", "d/"], top["Blobs"]!["BlobPrefixes"]!.AsArray().Select(b => (string)b!["Name"]!));
        var items = blob.PaginateItems("ListBlobs", new JsonObject { ["Container"] = container, ["Prefix"] = "a/", ["Delimiter"] = "/", ["MaxResults"] = 1 })
            .Select(i => (string)i!["Name"]!).ToList();
        Assert.Equal(["a/1", "a/2", "a/b/"], items.Order(StringComparer.Ordinal));

        var containers = blob.PaginateItems("ListContainers", new JsonObject { ["Prefix"] = container, ["MaxResults"] = 1 }).Select(c => (string)c!["Name"]!).ToList();
        Assert.Equal([container], containers);
        foreach (var name in names)
        {
            await blob.CallAsync("DeleteBlob", new JsonObject { ["Container"] = container, ["Blob"] = name });
        }
        await blob.CallAsync("DeleteContainer", new JsonObject { ["Container"] = container });
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task StagedBlocksCommitInListOrderAndCopyKeepsContent()
    {
        using var blob = AzureCloud.ConnectBlob(Azurite.Account());
        var container = Azurite.NewContainer();
        await blob.CallAsync("CreateContainer", new JsonObject { ["Container"] = container });
        var ids = new[] { "MDAwMDAx", "MDAwMDAy" };
        await blob.CallAsync("PutBlock", new JsonObject { ["Container"] = container, ["Blob"] = "b", ["BlockId"] = ids[1], ["Body"] = NativeValues.Blob("world"u8.ToArray()) });
        await blob.CallAsync("PutBlock", new JsonObject { ["Container"] = container, ["Blob"] = "b", ["BlockId"] = ids[0], ["Body"] = NativeValues.Blob("hello "u8.ToArray()) });
        await blob.CallAsync("PutBlockList", new JsonObject
        {
            ["Container"] = container,
            ["Blob"] = "b",
            ["BlockList"] = new JsonObject { ["Latest"] = new JsonArray(ids[0], ids[1]) },
            ["ContentType"] = "text/plain",
        });
        var copy = await blob.CallAsync("CopyBlob", new JsonObject
        {
            ["Container"] = container,
            ["Blob"] = "copy",
            ["CopySource"] = $"{Azurite.Account().BlobEndpoint.AbsoluteUri.TrimEnd('/')}/{container}/b",
        });
        Assert.Equal("success", (string?)copy["CopyStatus"]);
        foreach (var name in new[] { "b", "copy" })
        {
            var got = await blob.CallAsync("GetBlob", new JsonObject { ["Container"] = container, ["Blob"] = name, ["Range"] = "bytes=2-7" });
            Assert.True(NativeValues.TryGetStream(got["Body"], out var body));
            using var reader = new StreamReader(body);
            Assert.Equal("llo wo", await reader.ReadToEndAsync());
            Assert.Equal("bytes 2-7/11", (string?)got["ContentRange"]);
        }
        await blob.CallAsync("DeleteContainer", new JsonObject { ["Container"] = container });
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task AWrongKeyIsRefusedWith403AuthorizationFailureOnGetAndHead()
    {
        using var blob = AzureCloud.ConnectBlob(Azurite.WrongKey());
        var list = await Assert.ThrowsAsync<ServiceException>(() => blob.CallAsync("ListContainers"));
        Assert.Equal(403, list.StatusCode);
        Assert.Equal("AuthorizationFailure", list.ErrorCode);
        Assert.False(string.IsNullOrEmpty(list.RequestId));
        var head = Assert.Throws<ServiceException>(() => blob.Call("GetContainerProperties", new JsonObject { ["Container"] = "anything" }));
        Assert.Equal(403, head.StatusCode);
        Assert.Equal("AuthorizationFailure", head.ErrorCode);
        Assert.DoesNotContain(Azurite.WrongKey().Key, list.ToString(), StringComparison.Ordinal);
    }

    [EmulatorFact(Azurite.Variable)]
    public async Task ASasTokenAuthenticatesTheClientInsteadOfTheKey()
    {
        var account = Azurite.Account();
        using var keyed = AzureCloud.ConnectBlob(account);
        var container = Azurite.NewContainer();
        await keyed.CallAsync("CreateContainer", new JsonObject { ["Container"] = container });

        var accountSas = new AccountSasBuilder { Permissions = "rwdlc", ExpiresOn = DateTimeOffset.UtcNow.AddMinutes(30) }.ToSasToken(account);
        using (var bySas = AzureCloud.ConnectBlob(new AzureStorageAccount(account.Name, account.BlobEndpoint, sasToken: accountSas)))
        {
            await bySas.CallAsync("PutBlob", new JsonObject { ["Container"] = container, ["Blob"] = "k", ["BlobType"] = "BlockBlob", ["Body"] = NativeValues.Blob("sas"u8.ToArray()) });
            var names = bySas.PaginateItems("ListContainers", new JsonObject { ["Prefix"] = container }).Select(c => (string)c!["Name"]!);
            Assert.Equal([container], names);
        }

        // A read-only container SAS reads but may not write.
        var readOnly = new BlobSasBuilder { Container = container, Permissions = "rl", ExpiresOn = DateTimeOffset.UtcNow.AddMinutes(30) }.ToSasToken(account);
        using (var reader = AzureCloud.ConnectBlob($"BlobEndpoint={account.BlobEndpoint};SharedAccessSignature={readOnly}"))
        {
            var got = await reader.CallAsync("GetBlobProperties", new JsonObject { ["Container"] = container, ["Blob"] = "k" });
            Assert.Equal(3L, (long)got["ContentLength"]!);
            var denied = await Assert.ThrowsAsync<ServiceException>(() => reader.CallAsync("DeleteBlob", new JsonObject { ["Container"] = container, ["Blob"] = "k" }));
            Assert.Equal(403, denied.StatusCode);
        }
        await keyed.CallAsync("DeleteBlob", new JsonObject { ["Container"] = container, ["Blob"] = "k" });
        await keyed.CallAsync("DeleteContainer", new JsonObject { ["Container"] = container });
    }
}
