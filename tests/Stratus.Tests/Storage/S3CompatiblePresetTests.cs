using System.Collections.Concurrent;
using System.Text;
using Stratus.Client;
using Stratus.Storage;
using Stratus.Storage.S3;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Storage;

/// <summary>
/// Each S3-compatible preset's requests (host, path style, signature, checksum and chunking headers), as they reach
/// the mock cloud, which verifies SigV4 and SigV2 signatures and stores what it gets: no real cloud is reachable here.
/// </summary>
public sealed class S3CompatiblePresetTests
{
    private const int MiB = 1024 * 1024;

    public static TheoryData<string, string?, string?, string?, string, string, bool> Presets => new()
    {
        // preset, region, account, endpoint, expected host, expected signing region, flexible checksums
        { "gcs", null, null, null, "storage.googleapis.com", "auto", false },
        { "google", null, null, null, "storage.googleapis.com", "auto", false },
        { "ceph", null, null, "http://rgw.internal:7480", "rgw.internal", "us-east-1", false },
        { "minio", null, null, "http://minio.internal:9000", "minio.internal", "us-east-1", true },
        { "wasabi", null, null, null, "s3.wasabisys.com", "us-east-1", false },
        { "wasabi", "eu-central-2", null, null, "s3.eu-central-2.wasabisys.com", "eu-central-2", false },
        { "b2", "us-west-004", null, null, "s3.us-west-004.backblazeb2.com", "us-west-004", false },
        { "r2", null, "0123abcd", null, "0123abcd.r2.cloudflarestorage.com", "auto", false },
        { "spaces", "nyc3", null, null, "nyc3.digitaloceanspaces.com", "nyc3", false },
        { "generic", "eu-west-1", null, "http://s3.internal:8080", "s3.internal", "eu-west-1", false },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task Preset_requests_are_path_style_signed_for_its_region_and_never_aws_chunked(
        string preset, string? region, string? account, string? endpoint, string host, string signingRegion, bool checksums)
    {
        var cloud = new MockCloud();
        var options = S3Compatible.Preset(preset, region, account, endpoint is null ? null : new Uri(endpoint));
        var recorder = new Recorder(cloud.CreateHandler());
        var account0 = cloud.ClientOptions().Credentials!;
        options.Credentials = account0;
        options.Transport = recorder;
        using var store = new S3ObjectStore(options);

        // The bucket is made by a plain client: the mock cloud, being AWS, refuses a bucket without a location
        // constraint from a region such as "auto" or "nyc3", as a compatible server would not (see the next test).
        using (var plain = new ServiceClient("s3", cloud.ClientOptions()))
        {
            await plain.CallAsync("CreateBucket", new System.Text.Json.Nodes.JsonObject { ["Bucket"] = "bucket" });
        }
        var small = Encoding.UTF8.GetBytes("small object");
        await store.PutAsync("bucket", "dir/small.txt", new MemoryStream(small));
        var large = new byte[6 * MiB + 5];
        new Random(3).NextBytes(large);
        await store.PutAsync("bucket", "dir/large.bin", new UnseekableStream(new MemoryStream(large)), new PutOptions { PartSize = 5 * MiB });
        using (var got = await store.GetAsync("bucket", "dir/large.bin"))
        {
            using var copy = new MemoryStream();
            await got.Content.CopyToAsync(copy);
            Assert.Equal(large, copy.ToArray());
        }

        var requests = recorder.Requests.ToList();
        Assert.Contains(requests, r => r.Method == "POST" && r.Query.Contains("uploads", StringComparison.Ordinal)); // it went up in parts
        foreach (var r in requests)
        {
            Assert.Equal(host, r.Host);
            Assert.StartsWith("/bucket", r.Path, StringComparison.Ordinal); // path style: the bucket is in the path, not the host
            Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={account0.AccessKeyId}/", r.Header("Authorization"), StringComparison.Ordinal);
            Assert.Contains($"/{signingRegion}/s3/aws4_request", r.Header("Authorization"), StringComparison.Ordinal);
            Assert.DoesNotContain("aws-chunked", r.Header("Content-Encoding") ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("STREAMING", r.Header("x-amz-content-sha256") ?? "", StringComparison.Ordinal);
            Assert.Null(r.Header("x-amz-trailer"));
            if (r.Method == "PUT")
            {
                Assert.NotNull(r.Header("Content-Length"));
            }
        }
        var uploads = requests.Where(r => r.Method == "PUT" && r.Path.StartsWith("/bucket/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, uploads.Count); // one PutObject, two UploadParts
        Assert.All(uploads, r => Assert.Equal(checksums, r.Headers.Keys.Any(k => k.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase))));
        var create = requests.Single(r => r.Method == "POST" && r.Query.Contains("uploads", StringComparison.Ordinal));
        Assert.Equal(checksums, create.Headers.ContainsKey("x-amz-checksum-algorithm"));
        if (!checksums)
        {
            Assert.All(requests, r => Assert.False(r.Headers.ContainsKey("x-amz-sdk-checksum-algorithm") || r.Headers.ContainsKey("x-amz-checksum-type"), $"{r.Method} {r.Path}{r.Query}"));
        }
    }

    [Theory]
    [InlineData("spaces", "nyc3", null)]
    [InlineData("b2", "us-west-004", null)]
    [InlineData("r2", null, "0123abcd")]
    [InlineData("gcs", null, null)]
    public async Task Creating_a_bucket_on_a_compatible_server_names_no_location(string preset, string? region, string? account)
    {
        var options = S3Compatible.Preset(preset, region, account);
        options.Credentials = new Stratus.Credentials.AwsCredentials("AKIDEXAMPLE", "secret");
        var bodies = new ConcurrentQueue<string>();
        options.Transport = new Stratus.Tests.TestSupport.FuncHandler((request, _) =>
        {
            bodies.Enqueue(request.Content is null ? "" : request.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            return Stratus.Tests.TestSupport.FuncHandler.Answer(System.Net.HttpStatusCode.OK, "", "application/xml");
        });
        using var store = new S3ObjectStore(options);
        await store.CreateContainerAsync("new-bucket");
        Assert.Equal([""], bodies);
    }

    [Fact]
    public async Task The_generic_profile_signs_with_SigV2_when_asked()
    {
        var cloud = new MockCloud();
        var options = S3Compatible.Generic(new Uri("http://legacy.internal:8080"), signatureVersion: "s3v2");
        var recorder = new Recorder(cloud.CreateHandler());
        var credentials = cloud.ClientOptions().Credentials!;
        options.Credentials = credentials;
        options.Transport = recorder;
        using var store = new S3ObjectStore(options);

        await store.CreateContainerAsync("legacy");
        await store.PutAsync("legacy", "a b.txt", new MemoryStream("v2"u8.ToArray()));
        Assert.Equal("v2"u8.ToArray(), await ReadAsync(await store.GetAsync("legacy", "a b.txt")));
        Assert.All(recorder.Requests, r => Assert.StartsWith($"AWS {credentials.AccessKeyId}:", r.Header("Authorization"), StringComparison.Ordinal));

        var url = store.GetSignedUrl("legacy", "a b.txt", new SignedUrlOptions { ExpiresIn = TimeSpan.FromMinutes(5) });
        Assert.Equal("legacy.internal", url.Host);
        Assert.StartsWith("/legacy/a%20b.txt?", url.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains($"AWSAccessKeyId={credentials.AccessKeyId}", url.Query, StringComparison.Ordinal);
        Assert.Contains("Expires=", url.Query, StringComparison.Ordinal);
        Assert.Contains("Signature=", url.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_refuse_what_they_cannot_use()
    {
        Assert.Throws<ArgumentException>(() => S3Compatible.Preset("nimbus"));
        Assert.Throws<ArgumentException>(() => S3Compatible.Preset("r2"));
        Assert.Throws<ArgumentException>(() => S3Compatible.Preset("b2"));
        Assert.Throws<ArgumentException>(() => S3Compatible.Preset("minio"));
        Assert.Throws<ArgumentException>(() => S3Compatible.Preset("spaces", "nyc3.evil.example/"));
        Assert.Equal(new Uri("https://minio.example:9000"), S3Compatible.Preset("minio", endpointUrl: new Uri("https://minio.example:9000")).EndpointUrl);
    }

    [Fact]
    public void An_unknown_checksum_setting_is_refused_when_the_client_is_made()
    {
        var options = S3Compatible.Generic(new Uri("http://s3.internal"));
        options.RequestChecksumCalculation = "sometimes";
        var e = Assert.Throws<ClientException>(() => new ServiceClient("s3", options));
        Assert.Contains("when_required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_s3_scheme_opens_presets_from_store_settings()
    {
        var settings = new StoreSettings { Environment = _ => null };
        settings.Values["preset"] = "r2";
        settings.Values["account"] = "feedbeef";
        settings.Values["access-key-id"] = "AKIDEXAMPLE";
        settings.Values["secret-access-key"] = "not-shown";
        using var store = Assert.IsType<S3ObjectStore>(ObjectStores.Open("s3", settings));
        Assert.Equal("https://feedbeef.r2.cloudflarestorage.com/", store.Client.Endpoint.ToString());
        Assert.Equal("auto", store.Client.Region);
        Assert.DoesNotContain("not-shown", settings.ToString(), StringComparison.Ordinal);

        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:9999" };
        using var fromEnv = Assert.IsType<S3ObjectStore>(ObjectStores.Open("s3", new StoreSettings { Environment = n => env.GetValueOrDefault(n) }));
        Assert.Equal("http://127.0.0.1:9999/", fromEnv.Client.Endpoint.ToString());

        var bad = new StoreSettings { Environment = _ => null };
        bad.Values["preset"] = "nimbus";
        Assert.Equal(StorageErrorKind.InvalidRequest, Assert.Throws<StorageException>(() => ObjectStores.Open("s3", bad)).Kind);
    }

    private static async Task<byte[]> ReadAsync(ObjectDownload download)
    {
        await using (download)
        {
            using var copy = new MemoryStream();
            await download.Content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private sealed record Seen(string Method, string Host, string Path, string Query, Dictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Passes requests on to the mock cloud and keeps what was sent (the mock cloud is the server here).</summary>
    private sealed class Recorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<Seen> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = string.Join(',', values);
            }
            if (request.Content is not null)
            {
                _ = request.Content.Headers.ContentLength; // computed on first use: make it a header to record
                foreach (var (name, values) in request.Content.Headers)
                {
                    headers[name] = string.Join(',', values);
                }
            }
            var uri = request.RequestUri!;
            Requests.Enqueue(new Seen(request.Method.Method, uri.Host, uri.AbsolutePath, uri.Query, headers));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
