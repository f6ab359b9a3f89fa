using Stratus.Tests.TestSupport;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.OpenStack.Swift;
using Stratus.Protocols;

namespace Stratus.Tests.OpenStack;

/// <summary>Swift's native API through the generic client and the provider, against the Swift all-in-one (TempAuth).</summary>
public sealed class SwiftLiveTests
{
    private const string V = SwiftEmulator.Variable;

    private static JsonObject Obj(string container, string key) => new() { ["Container"] = container, ["Key"] = key };

    [EmulatorFact(V)]
    public async Task Containers_and_objects_round_trip_with_metadata()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        try
        {
            var created = await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c, ["Metadata"] = new JsonObject { ["Owner"] = "tests" } });
            Assert.Equal(201, (int)created["ResponseMetadata"]!["HTTPStatusCode"]!);
            Assert.StartsWith("tx", (string)created["ResponseMetadata"]!["RequestId"]!);
            var head = await swift.Service.CallAsync("HeadContainer", new JsonObject { ["Container"] = c });
            Assert.Equal("tests", (string?)head["Metadata"]!["Owner"]);
            Assert.Equal(0L, (long)head["ObjectCount"]!);

            var content = Encoding.UTF8.GetBytes("hello, swift");
            var put = Obj(c, "dir/hello.txt");
            put["ContentType"] = "text/plain";
            put["Metadata"] = new JsonObject { ["Color"] = "blue" };
            put["ETag"] = Convert.ToHexStringLower(MD5.HashData(content));
            put["Body"] = NativeValues.Stream(new MemoryStream(content));
            var stored = await swift.Service.CallAsync("PutObject", put);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), (string?)stored["ETag"]);

            var got = await swift.Service.CallAsync("GetObject", Obj(c, "dir/hello.txt"));
            Assert.Equal(content, await SwiftEmulator.ReadAllAsync(got["Body"]!.GetValue<Stream>()));
            Assert.Equal("text/plain", (string?)got["ContentType"]);
            Assert.Equal("blue", (string?)got["Metadata"]!["Color"]);

            var ranged = Obj(c, "dir/hello.txt");
            ranged["Range"] = "bytes=7-11";
            var part = await swift.Service.CallAsync("GetObject", ranged);
            Assert.Equal("swift", Encoding.UTF8.GetString(await SwiftEmulator.ReadAllAsync(part["Body"]!.GetValue<Stream>())));
            Assert.Equal("bytes 7-11/12", (string?)part["ContentRange"]);

            var post = Obj(c, "dir/hello.txt");
            post["Metadata"] = new JsonObject { ["Shape"] = "round" };
            await swift.Service.CallAsync("PostObject", post);
            var after = await swift.Service.CallAsync("HeadObject", Obj(c, "dir/hello.txt"));
            var metadata = after["Metadata"]!.AsObject();
            Assert.Equal("round", (string?)metadata["Shape"]);
            Assert.False(metadata.ContainsKey("Color")); // POST replaces the user metadata
            Assert.Equal(12L, (long)after["ContentLength"]!);

            var copy = Obj(c, "copy of hello.txt");
            copy["CopyFrom"] = SwiftPaths.Object(c, "dir/hello.txt");
            var copied = await swift.Service.CallAsync("CopyObject", copy);
            Assert.Equal($"{c}/dir/hello.txt", (string?)copied["CopiedFrom"]);
            var copyBody = await swift.Service.CallAsync("GetObject", Obj(c, "copy of hello.txt"));
            Assert.Equal(content, await SwiftEmulator.ReadAllAsync(copyBody["Body"]!.GetValue<Stream>()));

            var conflict = await Assert.ThrowsAsync<ServiceException>(() => swift.Service.CallAsync("DeleteContainer", new JsonObject { ["Container"] = c }));
            Assert.Equal(409, conflict.StatusCode);
            Assert.Equal("Conflict", conflict.ErrorCode);

            await swift.Service.CallAsync("DeleteObject", Obj(c, "dir/hello.txt"));
            var missing = await Assert.ThrowsAsync<ServiceException>(() => swift.Service.CallAsync("GetObject", Obj(c, "dir/hello.txt")));
            Assert.Equal(404, missing.StatusCode);
            Assert.Equal("NotFound", missing.ErrorCode);
            Assert.Equal("Not Found: The resource could not be found.", missing.ErrorMessage);
            Assert.StartsWith("tx", missing.RequestId);
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task Account_metadata_is_set_read_and_removed()
    {
        using var swift = SwiftEmulator.Client();
        var name = "Stratus-Test-" + Guid.NewGuid().ToString("N")[..8];
        await swift.Service.CallAsync("PostAccount", new JsonObject { ["Metadata"] = new JsonObject { [name] = "on" } });
        var head = await swift.Service.CallAsync("HeadAccount");
        Assert.Equal("on", (string?)head["Metadata"]!.AsObject().FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value);
        Assert.True((long)head["ContainerCount"]! >= 0);
        await swift.Service.CallAsync("PostAccount", new JsonObject { ["RemoveMetadata"] = new JsonObject { [name] = "x" } });
        var after = await swift.Service.CallAsync("HeadAccount");
        Assert.DoesNotContain(after["Metadata"]!.AsObject(), p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
    }

    [EmulatorFact(V)]
    public async Task Listings_page_with_marker_prefix_and_delimiter()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        string[] keys = ["a/1", "a/2", "a/b/3", "b/1", "c", "d", "e/x/y"];
        try
        {
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            foreach (var key in keys)
            {
                var put = Obj(c, key);
                put["Body"] = NativeValues.Stream(new MemoryStream(Encoding.UTF8.GetBytes(key)));
                await swift.Service.CallAsync("PutObject", put);
            }

            async Task<List<string>> ListAll(string? prefix, string? delimiter)
            {
                var names = new List<string>();
                string? marker = null;
                while (true)
                {
                    var input = new JsonObject { ["Container"] = c, ["Limit"] = 2 };
                    if (marker is not null) input["Marker"] = marker;
                    if (prefix is not null) input["Prefix"] = prefix;
                    if (delimiter is not null) input["Delimiter"] = delimiter;
                    var page = await swift.Service.CallAsync("ListObjects", input);
                    var entries = (page["Objects"] as JsonArray ?? []).Select(o => (string)o!["Name"]!)
                        .Concat((page["Subdirs"] as JsonArray ?? []).Select(s => (string)s!["Name"]!)).Order(StringComparer.Ordinal).ToList();
                    Assert.True(entries.Count <= 2);
                    if (entries.Count == 0) return names;
                    names.AddRange(entries);
                    marker = entries[^1];
                }
            }

            Assert.Equal(keys, await ListAll(null, null));
            Assert.Equal(["a/", "b/", "c", "d", "e/"], await ListAll(null, "/"));
            Assert.Equal(["a/1", "a/2", "a/b/"], await ListAll("a/", "/"));
            Assert.Equal(["a/1", "a/2", "a/b/3"], await ListAll("a/", null));

            // The model's paginators follow the marker the same way (the last name, object or subdir; an empty page ends).
            var paged = await swift.Service.PaginateAsync("ListObjects", new JsonObject { ["Container"] = c, ["Limit"] = 2, ["Delimiter"] = "/" }).ToListAsync();
            Assert.Equal(4, paged.Count); // 2 + 2 + 1 + the empty page
            var items = new List<string>();
            await foreach (var item in swift.Service.PaginateItemsAsync("ListObjects", new JsonObject { ["Container"] = c, ["Limit"] = 3 }))
            {
                items.Add((string)item!["Name"]!);
            }
            Assert.Equal(keys, items);

            var first = await swift.Service.CallAsync("ListObjects", new JsonObject { ["Container"] = c, ["Limit"] = 3 });
            var objects = first["Objects"]!.AsArray();
            Assert.Equal(3, objects.Count);
            Assert.Equal(3L, (long)objects[0]!["Bytes"]!);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("a/1"))), (string?)objects[0]!["Hash"]);
            Assert.True(NativeValues.TryGetTimestamp(objects[0]!["LastModified"], out var modified) && modified.Year >= 2024);
            Assert.Equal((long)keys.Length, (long)first["ObjectCount"]!);

            var window = await swift.Service.CallAsync("ListObjects", new JsonObject { ["Container"] = c, ["Marker"] = "a/2", ["EndMarker"] = "c" });
            Assert.Equal(["a/b/3", "b/1"], window["Objects"]!.AsArray().Select(o => (string)o!["Name"]!));

            var accounts = await swift.Service.CallAsync("GetAccount", new JsonObject { ["Prefix"] = c, ["Limit"] = 1 });
            var entry = Assert.Single(accounts["Containers"]!.AsArray());
            Assert.Equal(c, (string?)entry!["Name"]);
            // (its Count and Bytes reach the account listing later: Swift updates accounts asynchronously)
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task A_static_large_object_goes_up_in_parallel_segments_from_a_forward_only_stream()
    {
        var c = SwiftEmulator.NewName();
        var counter = new InFlightCounter(c + "_segments");
        using var swift = SwiftEmulator.Client(counter);
        var content = RandomNumberGenerator.GetBytes(20 * 1024 * 1024 + 12345);
        try
        {
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            var reported = 0L;
            var options = new SwiftUploadOptions
            {
                SegmentSize = 4 * 1024 * 1024,
                Concurrency = 3,
                ContentType = "application/x-test",
                Metadata = { ["Kind"] = "slo" },
                Progress = new SyncProgress(v => Interlocked.Exchange(ref reported, v)),
            };
            var result = await swift.UploadAsync(c, "big/object.bin", new ForwardOnlyStream(new MemoryStream(content)), options);
            Assert.Equal(6, result.Segments);
            Assert.Equal(content.Length, result.Size);
            Assert.Equal(content.Length, Interlocked.Read(ref reported));
            Assert.InRange(counter.Max, 2, 3); // parallel, and never more than asked

            var head = await swift.Service.CallAsync("HeadObject", Obj(c, "big/object.bin"));
            Assert.True((bool)head["StaticLargeObject"]!);
            Assert.Equal(content.Length, (long)head["ContentLength"]!);
            Assert.Equal("application/x-test", (string?)head["ContentType"]);
            Assert.Equal("slo", (string?)head["Metadata"]!["Kind"]);
            var got = await swift.Service.CallAsync("GetObject", Obj(c, "big/object.bin"));
            var read = await SwiftEmulator.ReadAllAsync(got["Body"]!.GetValue<Stream>());
            Assert.True(content.AsSpan().SequenceEqual(read));

            var segments = await swift.Service.CallAsync("ListObjects", new JsonObject { ["Container"] = c + "_segments" });
            Assert.Equal(6, segments["Objects"]!.AsArray().Count);
            Assert.All(segments["Objects"]!.AsArray(), s => Assert.StartsWith("big/object.bin/slo/", (string)s!["Name"]!));

            var delete = Obj(c, "big/object.bin");
            delete["MultipartManifest"] = "delete";
            await swift.Service.CallAsync("DeleteObject", delete);
            var left = await swift.Service.CallAsync("ListObjects", new JsonObject { ["Container"] = c + "_segments" });
            Assert.Empty(left["Objects"] as JsonArray ?? []);
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task Small_content_of_unknown_length_is_one_plain_object()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        try
        {
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            var content = RandomNumberGenerator.GetBytes(1000);
            var result = await swift.UploadAsync(c, "small", new ForwardOnlyStream(new MemoryStream(content)), new SwiftUploadOptions { SegmentSize = 1000 });
            Assert.Equal(0, result.Segments);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), result.ETag);
            var head = await swift.Service.CallAsync("HeadObject", Obj(c, "small"));
            Assert.Null(head["StaticLargeObject"]);
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task A_dynamic_large_object_reads_as_its_segments_in_order()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        try
        {
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            string[] parts = ["first-", "second-", "third"];
            for (var i = 0; i < parts.Length; i++)
            {
                var put = Obj(c, $"parts/movie/{i:D3}");
                put["Body"] = NativeValues.Stream(new MemoryStream(Encoding.UTF8.GetBytes(parts[i])));
                await swift.Service.CallAsync("PutObject", put);
            }
            await swift.CreateDynamicManifestAsync(c, "movie", c, "parts/movie/", "text/plain");
            var head = await swift.Service.CallAsync("HeadObject", Obj(c, "movie"));
            Assert.Equal($"{c}/parts/movie/", (string?)head["ObjectManifest"]);
            var got = await swift.Service.CallAsync("GetObject", Obj(c, "movie"));
            Assert.Equal("first-second-third", Encoding.UTF8.GetString(await SwiftEmulator.ReadAllAsync(got["Body"]!.GetValue<Stream>())));
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task Bulk_delete_removes_many_objects_in_one_request()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        try
        {
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            var keys = Enumerable.Range(0, 25).Select(i => $"many/{i:D2} with space").ToList();
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (key, ct) =>
            {
                var put = Obj(c, key);
                put["Body"] = NativeValues.Stream(new MemoryStream([1, 2, 3]));
                await swift.Service.CallAsync("PutObject", put, ct);
            });
            var result = await swift.BulkDeleteAsync(keys.Append("never/there").Append("nor/this").Select(k => (c, k)));
            Assert.Equal(25, result.Deleted);
            Assert.Equal(2, result.NotFound);
            Assert.Empty(result.Errors);
            var left = await swift.Service.CallAsync("ListObjects", new JsonObject { ["Container"] = c });
            Assert.Empty(left["Objects"] as JsonArray ?? []);
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public async Task Temporary_urls_work_with_a_plain_http_client_until_expired_or_tampered()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        try
        {
            await swift.SetTempUrlKeyAsync(SwiftEmulator.TempUrlKey);
            Assert.Equal(SwiftEmulator.TempUrlKey, swift.GetTempUrlKey(refresh: true));
            await swift.Service.CallAsync("PutContainer", new JsonObject { ["Container"] = c });
            var put = Obj(c, "shared/report 1.txt");
            put["Body"] = NativeValues.Stream(new MemoryStream(Encoding.UTF8.GetBytes("temp url body")));
            await swift.Service.CallAsync("PutObject", put);

            using var http = new HttpClient();
            var url = swift.GetTempUrl(c, "shared/report 1.txt", HttpMethod.Get, TimeSpan.FromMinutes(5));
            Assert.DoesNotContain(SwiftEmulator.TempUrlKey, url.ToString(), StringComparison.Ordinal);
            Assert.Equal("temp url body", await http.GetStringAsync(url));

            var tampered = new Uri(url.ToString().Replace("temp_url_sig=", "temp_url_sig=0", StringComparison.Ordinal));
            var sig = System.Web.HttpUtility.ParseQueryString(url.Query)["temp_url_sig"]!;
            var flipped = new Uri(url.ToString().Replace(sig, (sig[0] == 'a' ? "b" : "a") + sig[1..], StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(flipped)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(tampered)).StatusCode);

            var expired = swift.GetTempUrl(c, "shared/report 1.txt", HttpMethod.Get, TimeSpan.FromMinutes(-1));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(expired)).StatusCode);

            // A GET URL does not allow PUT; a PUT URL does.
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PutAsync(url, new StringContent("x"))).StatusCode);
            var putUrl = swift.GetTempUrl(c, "uploaded.txt", HttpMethod.Put, TimeSpan.FromMinutes(5));
            Assert.Equal(HttpStatusCode.Created, (await http.PutAsync(putUrl, new StringContent("via temp url"))).StatusCode);
            var got = await swift.Service.CallAsync("GetObject", Obj(c, "uploaded.txt"));
            Assert.Equal("via temp url", Encoding.UTF8.GetString(await SwiftEmulator.ReadAllAsync(got["Body"]!.GetValue<Stream>())));
        }
        finally
        {
            await SwiftEmulator.DropAsync(swift, c);
        }
    }

    [EmulatorFact(V)]
    public void Synchronous_calls_log_in_and_run_the_same_path()
    {
        using var swift = SwiftEmulator.Client();
        var c = SwiftEmulator.NewName();
        try
        {
            swift.Service.Call("PutContainer", new JsonObject { ["Container"] = c });
            Assert.Equal(1, swift.Provider.Authenticator.Logins);
            var put = Obj(c, "sync.txt");
            put["Body"] = NativeValues.Stream(new MemoryStream(Encoding.UTF8.GetBytes("in sync")));
            swift.Service.Call("PutObject", put);
            var got = swift.Service.Call("GetObject", Obj(c, "sync.txt"));
            using var body = got["Body"]!.GetValue<Stream>();
            using var reader = new StreamReader(body);
            Assert.Equal("in sync", reader.ReadToEnd());
            var e = Assert.Throws<ServiceException>(() => swift.Service.Call("HeadObject", Obj(c, "absent")));
            Assert.Equal("NotFound", e.ErrorCode);
            swift.Service.Call("DeleteObject", Obj(c, "sync.txt"));
            swift.Service.Call("DeleteContainer", new JsonObject { ["Container"] = c });
            Assert.Equal(1, swift.Provider.Authenticator.Logins);
        }
        finally
        {
            SwiftEmulator.DropAsync(swift, c).GetAwaiter().GetResult();
        }
    }

    [EmulatorFact(V)]
    public async Task The_wire_log_never_shows_the_token_key_or_temp_url_key()
    {
        var logger = new ListLogger();
        using var swift = new SwiftClient(new Stratus.OpenStack.OpenStackProvider(SwiftEmulator.Credentials()), new ClientOptions { Logger = logger });
        await swift.SetTempUrlKeyAsync(SwiftEmulator.TempUrlKey);
        Assert.Equal(SwiftEmulator.TempUrlKey, swift.GetTempUrlKey(refresh: true)); // a HEAD whose answer holds the key
        var token = (await swift.Provider.Authenticator.GetTokenAsync()).Token;
        var log = string.Join("\n", logger.Lines);
        Assert.Contains("X-Auth-Token: ***", log, StringComparison.OrdinalIgnoreCase); // the wire log ran
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(SwiftEmulator.TempUrlKey, log, StringComparison.Ordinal);
    }

    [EmulatorFact(V)]
    public async Task A_wrong_tempauth_key_fails_as_credentials_and_never_shows_the_key()
    {
        const string wrong = "not-the-key-5b2f";
        using var swift = SwiftEmulator.Client(key: wrong);
        var e = await Assert.ThrowsAsync<ClientException>(() => swift.Service.CallAsync("HeadAccount"));
        Assert.Equal(ClientErrorKind.Credentials, e.Kind);
        Assert.Contains("401", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, swift.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, swift.Provider.Authenticator.ToString(), StringComparison.Ordinal);
    }

    [EmulatorFact(V)]
    public async Task A_token_swift_refuses_is_replaced_by_a_new_login_and_the_call_sent_again()
    {
        // The first login's token is swapped for one Swift never issued (as a revoked or expired one): the call gets 401.
        var auth = new FirstTokenSpoiler();
        using var swift = new SwiftClient(new Stratus.OpenStack.OpenStackProvider(SwiftEmulator.Credentials(), auth),
            new ClientOptions { Retry = new Stratus.Pipeline.RetryOptions { MaxAttempts = 1 } });
        var head = await swift.Service.CallAsync("HeadAccount");
        Assert.Equal(204, (int)head["ResponseMetadata"]!["HTTPStatusCode"]!);
        Assert.Equal(2, swift.Provider.Authenticator.Logins);
        Assert.Equal(2, auth.Logins);
        swift.Service.Call("HeadAccount");
        Assert.Equal(2, swift.Provider.Authenticator.Logins); // the good token is kept
    }
}

/// <summary>Passes TempAuth logins to the real server, replacing the first one's token with a well-formed unknown token.</summary>
internal sealed class FirstTokenSpoiler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _logins;

    public int Logins => Volatile.Read(ref _logins);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Spoil(base.Send(request, cancellationToken));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Spoil(await base.SendAsync(request, cancellationToken));

    private HttpResponseMessage Spoil(HttpResponseMessage response)
    {
        if (Interlocked.Increment(ref _logins) == 1)
        {
            response.Headers.Remove("X-Auth-Token");
            response.Headers.Remove("X-Storage-Token");
            response.Headers.TryAddWithoutValidation("X-Auth-Token", "AUTH_tk" + Guid.NewGuid().ToString("N"));
        }
        return response;
    }
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, later).</summary>
internal sealed class SyncProgress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
