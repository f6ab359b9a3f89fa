using System.Net.Http.Headers;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>Turns an <see cref="HttpResponseMessage"/> into a <see cref="RawResponse"/>, reading the body whole or leaving it streaming.</summary>
internal static class ResponseReader
{
    // The most a Content-Length makes us allocate before any byte came; a longer body grows the buffer as it arrives.
    private const int MaxPreallocation = 16 * 1024 * 1024;

    public static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(
            response.Headers.NonValidated.Count + response.Content.Headers.NonValidated.Count, StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers);
        Add(headers, response.Content.Headers);
        return headers;
    }

    public static async ValueTask<RawResponse> ReadAsync(HttpResponseMessage response, bool stream, bool async, CancellationToken ct)
    {
        var headers = Headers(response);
        if (stream)
        {
            var body = async ? await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false) : response.Content.ReadAsStream(ct);
            return new RawResponse((int)response.StatusCode, headers, ReadOnlyMemory<byte>.Empty, new ResponseStream(body, response));
        }
        // A HEAD response has no body, though its Content-Length is the resource's (a large object's size): nothing to read.
        if (response.RequestMessage?.Method == HttpMethod.Head)
        {
            return new RawResponse((int)response.StatusCode, headers, ReadOnlyMemory<byte>.Empty);
        }
        var length = response.Content.Headers.ContentLength;
        using var buffer = new MemoryStream(length is > 0 and <= MaxPreallocation ? (int)length.Value : 0);
        if (async)
        {
            await response.Content.CopyToAsync(buffer, ct).ConfigureAwait(false);
        }
        else
        {
            response.Content.CopyTo(buffer, null, ct);
        }
        return new RawResponse((int)response.StatusCode, headers, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static void Add(Dictionary<string, string> target, HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            target[name] = values.Count == 1 ? values.ToString() : string.Join(", ", values);
        }
    }
}
