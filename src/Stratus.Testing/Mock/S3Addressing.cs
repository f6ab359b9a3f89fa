using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>
/// Turns a virtual-hosted S3 request (<c>bucket.s3.amazonaws.com/key</c>, <c>bucket.localhost:4566/key</c>)
/// into the path style (<c>/bucket/key</c>) the S3 protocol reads.
/// </summary>
internal static class S3Addressing
{
    public static ServerRequest ToPathStyle(ServerRequest request) => ToPathStyle(request, out _);

    /// <summary>Rewrites a virtual-hosted request; <paramref name="bucket"/> is the bucket taken from the host, or null.</summary>
    public static ServerRequest ToPathStyle(ServerRequest request, out string? bucket)
    {
        var host = request.Host.Split(':')[0];
        bucket = null;
        var s3 = host.IndexOf(".s3.", StringComparison.Ordinal);
        if (s3 < 0 && host.EndsWith(".s3.amazonaws.com", StringComparison.Ordinal))
        {
            s3 = host.Length - ".s3.amazonaws.com".Length;
        }
        if (s3 > 0)
        {
            bucket = host[..s3];
        }
        else if (host.EndsWith(".localhost", StringComparison.Ordinal) && !host.StartsWith("s3.", StringComparison.Ordinal) && host != "mock.stratus.localhost")
        {
            bucket = host[..^".localhost".Length];
        }
        if (bucket is null || bucket.Length == 0)
        {
            return request;
        }
        var path = "/" + bucket + (request.Path == "/" ? "" : request.Path);
        return MockCloud.With(request, path: path);
    }
}
