using System.Collections.Concurrent;

namespace Stratus.Tests.Transfer;

/// <summary>
/// Wraps the mock cloud's transport: counts S3 calls by operation and lets a test act before or after one
/// (fail it, cancel, change the object, corrupt the body).
/// </summary>
internal sealed class InterceptingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Runs before a call is sent, with its operation and its number among calls of that operation; a response returned is answered instead.</summary>
    public Func<string, int, HttpRequestMessage, Task<HttpResponseMessage?>>? Before { get; set; }

    /// <summary>Runs after a call's response came, and may replace it.</summary>
    public Func<string, int, HttpResponseMessage, Task<HttpResponseMessage>>? After { get; set; }

    public int Count(string operation) => _counts.TryGetValue(operation, out var n) ? n : 0;

    public void Reset() => _counts.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Classify(request);
        var n = _counts.AddOrUpdate(operation, 1, (_, c) => c + 1);
        if (Before is { } before && await before(operation, n, request) is { } replaced)
        {
            return replaced;
        }
        var response = await base.SendAsync(request, cancellationToken);
        return After is { } after ? await after(operation, n, response) : response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>The S3 operation of a path-style request, told apart by method and query.</summary>
    public static string Classify(HttpRequestMessage request)
    {
        var query = request.RequestUri!.Query;
        bool Has(string name) => query.Contains(name, StringComparison.Ordinal);
        var objectPath = request.RequestUri.AbsolutePath.Trim('/').Contains('/', StringComparison.Ordinal);
        return request.Method.Method switch
        {
            "PUT" when Has("partNumber=") => "UploadPart",
            "PUT" when objectPath => "PutObject",
            "PUT" => "CreateBucket",
            "POST" when Has("uploads") => "CreateMultipartUpload",
            "POST" when Has("uploadId=") => "CompleteMultipartUpload",
            "DELETE" when Has("uploadId=") => "AbortMultipartUpload",
            "GET" when Has("uploadId=") => "ListParts",
            "GET" when Has("uploads") => "ListMultipartUploads",
            "GET" when objectPath => "GetObject",
            "HEAD" when objectPath => "HeadObject",
            "HEAD" => "HeadBucket",
            var m => m,
        };
    }
}
