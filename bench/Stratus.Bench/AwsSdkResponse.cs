using Amazon.Runtime.Internal.Transform;

namespace Stratus.Bench;

/// <summary>The AWS SDK's view of an HTTP response (status and headers), for calling its unmarshallers directly.</summary>
internal sealed class AwsSdkResponse(long contentLength, string contentType, Dictionary<string, string> headers) : IWebResponseData
{
    public long ContentLength => contentLength;
    public string ContentType => contentType;
    public System.Net.HttpStatusCode StatusCode => System.Net.HttpStatusCode.OK;
    public bool IsSuccessStatusCode => true;
    public IHttpResponseBody ResponseBody => throw new NotSupportedException();
    public string[] GetHeaderNames() => [.. headers.Keys];
    public bool IsHeaderPresent(string headerName) => headers.ContainsKey(headerName);
    public string? GetHeaderValue(string headerName) => headers.TryGetValue(headerName, out var v) ? v : null;
    public bool IsEventHeaderPresent(string headerName) => false;
    public Amazon.Runtime.EventStreams.IEventStreamHeader? GetEventStreamHeader(string headerName) => null;
}
