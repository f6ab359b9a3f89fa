using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Signing;

namespace Stratus.Transfer;

/// <summary>
/// Presigned S3 URLs and POST forms, made with the client's endpoint resolution (path or virtual-hosted
/// style, custom endpoints), credentials and clock. Nothing is sent. Sync methods run the same code as the
/// async ones (which only wait when credentials must be fetched).
/// </summary>
public sealed class Presigner
{
    /// <summary>The longest a SigV4 presigned URL may live: 7 days.</summary>
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(7);

    private readonly ServiceClient _s3;

    /// <summary>Creates a presigner over an S3 client.</summary>
    /// <exception cref="ArgumentException">The client is not for S3.</exception>
    public Presigner(ServiceClient s3)
    {
        ArgumentNullException.ThrowIfNull(s3);
        if (s3.Model.Name != "s3")
        {
            throw new ArgumentException($"A presigner needs an S3 client, not {s3.Model.Name}.", nameof(s3));
        }
        _s3 = s3;
    }

    /// <summary>Presigns any S3 operation's call (for example <c>UploadPart</c>, <c>DeleteObject</c>); headers it serializes are signed and returned.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresIn"/> is not between 1 second and 7 days.</exception>
    /// <exception cref="ClientException">Bad input, no endpoint, or no credentials.</exception>
    public Task<PresignedRequest> PresignAsync(string operation, JsonObject input, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        PresignCoreAsync(operation, input, expiresIn, async: true, cancellationToken).AsTask();

    /// <summary>Presigns any S3 operation's call, synchronously.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresIn"/> is not between 1 second and 7 days.</exception>
    /// <exception cref="ClientException">Bad input, no endpoint, or no credentials.</exception>
    public PresignedRequest Presign(string operation, JsonObject input, TimeSpan expiresIn) =>
        Sync(PresignCoreAsync(operation, input, expiresIn, async: false, CancellationToken.None));

    /// <summary>A URL anyone may GET the object with until it expires.</summary>
    public Task<PresignedRequest> PresignGetObjectAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        PresignAsync("GetObject", Object(bucket, key), expiresIn, cancellationToken);

    /// <summary>A URL anyone may GET the object with until it expires, synchronously.</summary>
    public PresignedRequest PresignGetObject(string bucket, string key, TimeSpan expiresIn) => Presign("GetObject", Object(bucket, key), expiresIn);

    /// <summary>A URL anyone may PUT the object's content to until it expires; with <paramref name="contentType"/>, the upload must send that Content-Type.</summary>
    public Task<PresignedRequest> PresignPutObjectAsync(string bucket, string key, TimeSpan expiresIn, string? contentType = null, CancellationToken cancellationToken = default) =>
        PresignAsync("PutObject", Put(bucket, key, contentType), expiresIn, cancellationToken);

    /// <summary>A URL anyone may PUT the object's content to until it expires, synchronously.</summary>
    public PresignedRequest PresignPutObject(string bucket, string key, TimeSpan expiresIn, string? contentType = null) => Presign("PutObject", Put(bucket, key, contentType), expiresIn);

    /// <summary>
    /// A presigned POST policy for a browser upload to <paramref name="key"/> (a key ending in <c>${filename}</c>
    /// allows any key with the part before it as prefix): the URL and the form fields to send.
    /// </summary>
    /// <exception cref="ClientException">No endpoint or no credentials.</exception>
    public Task<PresignedPost> PresignPostAsync(string bucket, string key, PresignedPostOptions? options = null, CancellationToken cancellationToken = default) =>
        PresignPostCoreAsync(bucket, key, options ?? new PresignedPostOptions(), async: true, cancellationToken).AsTask();

    /// <summary>A presigned POST policy, synchronously.</summary>
    /// <exception cref="ClientException">No endpoint or no credentials.</exception>
    public PresignedPost PresignPost(string bucket, string key, PresignedPostOptions? options = null) =>
        Sync(PresignPostCoreAsync(bucket, key, options ?? new PresignedPostOptions(), async: false, CancellationToken.None));

    private ValueTask<PresignedRequest> PresignCoreAsync(string operation, JsonObject input, TimeSpan expiresIn, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiresIn, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expiresIn, MaxExpiry);
        return _s3.PresignAsync(operation, input, expiresIn, async, cancellationToken);
    }

    private async ValueTask<PresignedPost> PresignPostCoreAsync(string bucket, string key, PresignedPostOptions options, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExpiresIn, TimeSpan.FromSeconds(1));
        var target = Object(bucket, key);
        var (url, region, service) = _s3.EndpointFor("PutObject", target);
        var credentials = await _s3.PresignCredentialsAsync(_s3.Operation("PutObject"), async, cancellationToken).ConfigureAwait(false);
        var now = _s3.SigningTime();
        var amzDate = StringToSign.FormatTime(now);
        var date = amzDate[..8];
        var credential = $"{credentials.AccessKeyId}/{StringToSign.Scope(date, region, service)}";

        var fields = new Dictionary<string, string>(options.Fields, StringComparer.Ordinal) { ["key"] = key };
        var conditions = new JsonArray((JsonNode)new JsonObject { ["bucket"] = bucket });
        const string Filename = "${filename}";
        conditions.Add(key.EndsWith(Filename, StringComparison.Ordinal)
            ? new JsonArray("starts-with", "$key", key[..^Filename.Length])
            : new JsonObject { ["key"] = key });
        var named = new HashSet<string>(options.Conditions.Select(ConditionName).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in options.Fields)
        {
            if (!named.Contains(name) && !name.Equals("key", StringComparison.OrdinalIgnoreCase))
            {
                conditions.Add((JsonNode)new JsonObject { [name] = value });
            }
        }
        foreach (var condition in options.Conditions)
        {
            conditions.Add(condition.DeepClone());
        }
        fields["x-amz-algorithm"] = StringToSign.SigV4Algorithm;
        fields["x-amz-credential"] = credential;
        fields["x-amz-date"] = amzDate;
        if (credentials.SessionToken is { } token)
        {
            fields["x-amz-security-token"] = token;
        }
        foreach (var name in (ReadOnlySpan<string>)["x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-security-token"])
        {
            if (fields.TryGetValue(name, out var value))
            {
                conditions.Add((JsonNode)new JsonObject { [name] = value });
            }
        }
        var policy = new JsonObject
        {
            ["expiration"] = (now + options.ExpiresIn).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["conditions"] = conditions,
        };
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(policy.ToJsonString()));
        fields["policy"] = encoded;
        fields["x-amz-signature"] = SigV4Signer.ComputeSignature(SigV4Signer.DeriveSigningKey(credentials.SecretAccessKey, date, region, service), encoded);
        return new PresignedPost(url, fields);
    }

    // The field a condition is about: {"name": value} or [op, "$name", value].
    private static string? ConditionName(JsonNode condition) => condition switch
    {
        JsonObject { Count: 1 } o => o.First().Key,
        JsonArray { Count: 3 } a when a[1] is JsonValue v && v.TryGetValue<string>(out var n) && n.StartsWith('$') => n[1..],
        _ => null,
    };

    private static JsonObject Object(string bucket, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new JsonObject { ["Bucket"] = bucket, ["Key"] = key };
    }

    private static JsonObject Put(string bucket, string key, string? contentType)
    {
        var input = Object(bucket, key);
        if (contentType is not null)
        {
            input["ContentType"] = contentType;
        }
        return input;
    }

    private static T Sync<T>(ValueTask<T> task) =>
        task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("A synchronous presign did not complete synchronously.");
}
