using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Stratus.Bench.Floor;

/// <summary>
/// The floor: what a plain HttpClient costs when it signs with a minimal SigV4 and parses the answers it
/// needs by hand. One client for S3, EC2, SQS and DynamoDB at one endpoint (path-style S3).
/// </summary>
public sealed class FloorClient : IDisposable
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.0");
    private static readonly MediaTypeHeaderValue Form = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
    private static readonly byte[] DescribeInstancesBody = "Action=DescribeInstances&Version=2016-11-15"u8.ToArray();
    private static readonly string DescribeInstancesHash = FloorSigner.Hash(DescribeInstancesBody);

    private readonly HttpClient _http;
    private readonly string _base;
    private readonly FloorSigner _s3;
    private readonly FloorSigner _ec2;
    private readonly FloorSigner _sqs;
    private readonly FloorSigner _dynamodb;

    public FloorClient(Uri endpoint, string region, string accessKey, string secretKey, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = new HttpClient(handler ?? CreateHandler(), disposeHandler: handler is null) { Timeout = TimeSpan.FromSeconds(100) };
        _base = endpoint.GetLeftPart(UriPartial.Authority);
        _s3 = new FloorSigner(accessKey, secretKey, region, "s3");
        _ec2 = new FloorSigner(accessKey, secretKey, region, "ec2");
        _sqs = new FloorSigner(accessKey, secretKey, region, "sqs");
        _dynamodb = new FloorSigner(accessKey, secretKey, region, "dynamodb");
    }

    /// <summary>A pooled handler; accepts any server certificate (the benchmark endpoint's is self-signed).</summary>
#pragma warning disable CA5359 // The benchmark talks only to its own loopback endpoint, whose certificate is made at start-up.
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };
#pragma warning restore CA5359

    public async Task<ObjectInfo> HeadObjectAsync(string bucket, string key, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"{_base}/{bucket}/{key}");
        _s3.Sign(request, FloorSigner.EmptyHash, null, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var content = response.Content.Headers;
        return new ObjectInfo(content.ContentLength ?? 0, response.Headers.ETag?.Tag, content.LastModified, content.ContentType?.MediaType);
    }

    /// <summary>Reads the object's body through <paramref name="sink"/> (overwritten chunk by chunk); returns its length.</summary>
    public async Task<long> GetObjectAsync(string bucket, string key, Memory<byte> sink, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_base}/{bucket}/{key}");
        _s3.Sign(request, FloorSigner.EmptyHash, null, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            long total = 0;
            int n;
            while ((n = await body.ReadAsync(sink, ct).ConfigureAwait(false)) > 0)
            {
                total += n;
            }
            return total;
        }
    }

    /// <summary>Uploads a small body, its hash signed.</summary>
    public async Task<string?> PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{_base}/{bucket}/{key}") { Content = new ReadOnlyMemoryContent(body) };
        _s3.Sign(request, FloorSigner.Hash(body.Span), null, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.Tag;
    }

    /// <summary>Uploads a stream of known length with an unsigned payload (as over TLS).</summary>
    public async Task<string?> PutObjectAsync(string bucket, string key, Stream body, long length, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{_base}/{bucket}/{key}") { Content = new StreamContent(body, 128 * 1024) };
        request.Content.Headers.ContentLength = length;
        _s3.Sign(request, FloorSigner.UnsignedPayload, null, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.Tag;
    }

    public async Task<List<S3ObjectEntry>> ListObjectsV2Async(string bucket, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_base}/{bucket}?list-type=2");
        _s3.Sign(request, FloorSigner.EmptyHash, null, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return S3ListParser.Parse(body, out _);
    }

    public async Task<List<Ec2Instance>> DescribeInstancesAsync(CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _base + "/") { Content = new ByteArrayContent(DescribeInstancesBody) };
        request.Content.Headers.ContentType = Form;
        _ec2.Sign(request, DescribeInstancesHash, null, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return Ec2Parser.Parse(body);
    }

    /// <summary>Sends a message; returns its id.</summary>
    public async Task<string> SendMessageAsync(string queueUrl, string messageBody, CancellationToken ct = default)
    {
        var json = JsonRequest(w =>
        {
            w.WriteString("QueueUrl", queueUrl);
            w.WriteString("MessageBody", messageBody);
        });
        var answer = await PostJsonAsync(_sqs, "AmazonSQS.SendMessage", json, ct).ConfigureAwait(false);
        var reader = new Utf8JsonReader(answer);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("MessageId"u8))
            {
                reader.Read();
                return reader.GetString()!;
            }
        }
        throw new InvalidDataException("SendMessage: no MessageId.");
    }

    /// <summary>Queries a table by partition key (a string).</summary>
    public async Task<List<Dictionary<string, DdbValue>>> QueryAsync(string table, string keyName, string keyValue, CancellationToken ct = default)
    {
        var json = JsonRequest(w =>
        {
            w.WriteString("TableName", table);
            w.WriteString("KeyConditionExpression", keyName + " = :a");
            w.WriteStartObject("ExpressionAttributeValues");
            w.WriteStartObject(":a");
            w.WriteString("S", keyValue);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        var answer = await PostJsonAsync(_dynamodb, "DynamoDB_20120810.Query", json, ct).ConfigureAwait(false);
        return DynamoDbParser.ParseItems(answer, out _);
    }

    private async Task<byte[]> PostJsonAsync(FloorSigner signer, string target, byte[] json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _base + "/") { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = AmzJson;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        signer.Sign(request, FloorSigner.Hash(json), target, DateTime.UtcNow);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    private static byte[] JsonRequest(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _http.Dispose();

    /// <summary>For logs.</summary>
    public override string ToString() => new StringBuilder("FloorClient ").Append(_base).ToString();
}
