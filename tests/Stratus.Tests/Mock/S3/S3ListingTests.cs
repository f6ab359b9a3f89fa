using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.S3;

public class S3ListingTests : IAsyncLifetime
{
    private readonly S3Harness _s3 = new();

    public Task InitializeAsync() => _s3.CreateBucket("bkt");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task V2_pages_through_2500_keys_with_opaque_tokens()
    {
        var keys = Enumerable.Range(0, 2500).Select(i => $"key/{i:D5}").ToList();
        foreach (var key in keys.AsEnumerable().Reverse())
        {
            await _s3.Put("bkt", key, "x");
        }
        var seen = new List<string>();
        var counts = new List<int>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["Bucket"] = "bkt" };
            if (token is not null)
            {
                input["ContinuationToken"] = token;
            }
            var page = await _s3.Call("ListObjectsV2", input);
            var contents = page["Contents"]!.AsArray();
            counts.Add((int)page["KeyCount"]!);
            Assert.Equal(1000, (int)page["MaxKeys"]!);
            seen.AddRange(contents.Select(c => (string)c!["Key"]!));
            Assert.Equal(token, (string?)page["ContinuationToken"]);
            token = (string?)page["NextContinuationToken"];
            Assert.Equal(token is not null, (bool)page["IsTruncated"]!);
            Assert.DoesNotContain("key/", token ?? "", StringComparison.Ordinal);
        }
        while (token is not null);
        Assert.Equal([1000, 1000, 500], counts);
        Assert.Equal(keys, seen);
    }

    [Fact]
    public async Task V1_pages_with_the_last_key_as_marker()
    {
        for (var i = 0; i < 25; i++)
        {
            await _s3.Put("bkt", $"k{i:D2}", "x");
        }
        var first = await _s3.Call("ListObjects", new JsonObject { ["Bucket"] = "bkt", ["MaxKeys"] = 10 });
        Assert.True((bool)first["IsTruncated"]!);
        Assert.Null(first["NextMarker"]);
        var contents = first["Contents"]!.AsArray();
        Assert.Equal(10, contents.Count);
        Assert.NotNull(contents[0]!["Owner"]);
        var second = await _s3.Call("ListObjects", new JsonObject { ["Bucket"] = "bkt", ["MaxKeys"] = 10, ["Marker"] = contents[^1]!["Key"]!.DeepClone() });
        Assert.Equal("k10", (string?)second["Contents"]![0]!["Key"]);
        Assert.Equal("k09", (string?)second["Marker"]);
        var third = await _s3.Call("ListObjects", new JsonObject { ["Bucket"] = "bkt", ["Marker"] = "k19" });
        Assert.Equal(5, third["Contents"]!.AsArray().Count);
        Assert.False((bool)third["IsTruncated"]!);
    }

    [Fact]
    public async Task Delimiter_rolls_keys_up_into_common_prefixes()
    {
        foreach (var key in new[] { "a/1", "a/2", "b/1", "c", "d/x/y", "d/x/z", "d/w", "e" })
        {
            await _s3.Put("bkt", key, "x");
        }
        var top = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["Delimiter"] = "/" });
        Assert.Equal(["c", "e"], Keys(top));
        Assert.Equal(["a/", "b/", "d/"], Prefixes(top));
        Assert.Equal(5, (int)top["KeyCount"]!);
        Assert.Equal("/", (string?)top["Delimiter"]);

        var d = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["Delimiter"] = "/", ["Prefix"] = "d/" });
        Assert.Equal(["d/w"], Keys(d));
        Assert.Equal(["d/x/"], Prefixes(d));
        Assert.Equal("d/", (string?)d["Prefix"]);

        var flat = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["Prefix"] = "d/" });
        Assert.Equal(["d/w", "d/x/y", "d/x/z"], Keys(flat));
        Assert.Null(flat["CommonPrefixes"]);
    }

    [Fact]
    public async Task Delimiter_pages_count_each_prefix_once_and_never_repeat_it()
    {
        foreach (var key in new[] { "a/1", "a/2", "a/3", "b", "c/1", "c/2", "d" })
        {
            await _s3.Put("bkt", key, "x");
        }
        var v2 = new List<string>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["Bucket"] = "bkt", ["Delimiter"] = "/", ["MaxKeys"] = 1 };
            if (token is not null)
            {
                input["ContinuationToken"] = token;
            }
            var page = await _s3.Call("ListObjectsV2", input);
            Assert.Equal(1, (int)page["KeyCount"]!);
            v2.AddRange(Keys(page).Concat(Prefixes(page)));
            token = (string?)page["NextContinuationToken"];
        }
        while (token is not null);
        Assert.Equal(["a/", "b", "c/", "d"], v2);

        var v1 = new List<string>();
        string? marker = null;
        while (true)
        {
            var input = new JsonObject { ["Bucket"] = "bkt", ["Delimiter"] = "/", ["MaxKeys"] = 1 };
            if (marker is not null)
            {
                input["Marker"] = marker;
            }
            var page = await _s3.Call("ListObjects", input);
            v1.AddRange(Keys(page).Concat(Prefixes(page)));
            if (!(bool)page["IsTruncated"]!)
            {
                break;
            }
            marker = (string?)page["NextMarker"];
            Assert.NotNull(marker);
        }
        Assert.Equal(v2, v1);
    }

    [Fact]
    public async Task StartAfter_MaxKeys_and_FetchOwner()
    {
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await _s3.Put("bkt", key, "x");
        }
        var page = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["StartAfter"] = "b", ["MaxKeys"] = 1, ["FetchOwner"] = true });
        Assert.Equal(["c"], Keys(page));
        Assert.Equal("b", (string?)page["StartAfter"]);
        Assert.NotNull(page["Contents"]![0]!["Owner"]);
        var entry = page["Contents"]![0]!;
        Assert.Equal(1L, (long)entry["Size"]!);
        Assert.Equal("STANDARD", (string?)entry["StorageClass"]);
        Assert.Equal(S3Harness.Md5ETag("x"u8.ToArray()), (string?)entry["ETag"]);
        Assert.Equal("CRC64NVME", (string?)entry["ChecksumAlgorithm"]![0]);

        var none = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt" });
        Assert.Null(none["Contents"]![0]!["Owner"]);

        var zero = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["MaxKeys"] = 0 });
        Assert.Equal(0, (int)zero["KeyCount"]!);
        Assert.Null(zero["Contents"]);
        await _s3.Fails("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["MaxKeys"] = -1 }, "InvalidArgument", 400);
        var e = await _s3.Fails("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["ContinuationToken"] = "garbage!" }, "InvalidArgument", 400);
        Assert.Equal("continuation-token", (string?)e.Error.Fields!["ArgumentName"]);
        await _s3.Fails("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["EncodingType"] = "base64" }, "InvalidArgument", 400);
        await _s3.Fails("ListObjectsV2", new JsonObject { ["Bucket"] = "none" }, "NoSuchBucket", 404);
    }

    [Fact]
    public async Task EncodingType_url_encodes_keys_and_prefixes()
    {
        await _s3.Put("bkt", "dir one/a+b ü.txt", "x");
        var page = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["EncodingType"] = "url", ["Prefix"] = "dir one/" });
        Assert.Equal("url", (string?)page["EncodingType"]);
        Assert.Equal("dir+one/", (string?)page["Prefix"]);
        Assert.Equal(["dir+one/a%2Bb+%C3%BC.txt"], Keys(page));
        var rolled = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt", ["EncodingType"] = "url", ["Delimiter"] = "/" });
        Assert.Equal(["dir+one/"], Prefixes(rolled));
    }

    [Fact]
    public async Task Keys_list_in_UTF8_byte_order()
    {
        // UTF-16 ordinal order would put the emoji (a surrogate pair) before U+FFFD; UTF-8 order puts it after.
        foreach (var key in new[] { "\U0001F600", "\uFFFD", "z", "é" })
        {
            await _s3.Put("bkt", key, "x");
        }
        var page = await _s3.Call("ListObjectsV2", new JsonObject { ["Bucket"] = "bkt" });
        Assert.Equal(["z", "é", "\uFFFD", "\U0001F600"], Keys(page));
    }

    private static IEnumerable<string> Keys(JsonObject page) => page["Contents"]?.AsArray().Select(c => (string)c!["Key"]!) ?? [];

    private static IEnumerable<string> Prefixes(JsonObject page) => page["CommonPrefixes"]?.AsArray().Select(c => (string)c!["Prefix"]!) ?? [];
}
