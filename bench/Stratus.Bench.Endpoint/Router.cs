using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Stratus.Bench.Payloads;

namespace Stratus.Bench.Endpoint;

/// <summary>Answers each request from the canned responses, by path, method and X-Amz-Target.</summary>
internal sealed class Router(CannedResponses canned)
{
    private const string LastModified = "Mon, 03 Nov 2025 09:30:00 GMT";
    private static readonly string BucketPath = "/" + Fixture.Bucket;

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith(BucketPath, StringComparison.Ordinal))
        {
            return S3Async(context, path.Length > BucketPath.Length + 1 ? path[(BucketPath.Length + 1)..] : "");
        }
        if (HttpMethods.IsPost(request.Method))
        {
            var target = request.Headers["X-Amz-Target"].ToString();
            return target switch
            {
                "DynamoDB_20120810.Query" => QueryAsync(context),
                "AmazonSQS.SendMessage" => SendMessageAsync(context),
                _ => Ec2Async(context),
            };
        }
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private async Task S3Async(HttpContext context, string key)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["x-amz-request-id"] = "4442587FB7D0A2F9";
        response.Headers["x-amz-id-2"] = "vlR7PnpV2Ce81puvHd1bvLP4v6+FQWn1vBq0L4Kt1Y6LAbpbx4cH8sM1vC8dC6RqpoE7Vs3c9pM=";
        if (key.Length == 0)
        {
            await WriteAsync(context, "application/xml", canned.ListObjectsV2).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsPut(request.Method))
        {
            await DrainAsync(request.BodyReader).ConfigureAwait(false);
            response.Headers.ETag = Fixture.ETag;
            response.Headers["x-amz-server-side-encryption"] = "AES256";
            response.ContentLength = 0;
            return;
        }
        var large = key == Fixture.LargeKey;
        response.Headers.ETag = large ? canned.LargeETag : canned.SmallETag;
        response.Headers.LastModified = LastModified;
        response.Headers.AcceptRanges = "bytes";
        response.Headers["x-amz-server-side-encryption"] = "AES256";
        response.ContentType = "application/octet-stream";
        response.ContentLength = large ? Fixture.LargeSize : canned.Small.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }
        if (!large)
        {
            await response.Body.WriteAsync(canned.Small).ConfigureAwait(false);
            return;
        }
        for (long sent = 0; sent < Fixture.LargeSize; sent += canned.LargeChunk.Length)
        {
            await response.Body.WriteAsync(canned.LargeChunk, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task QueryAsync(HttpContext context)
    {
        await DrainAsync(context.Request.BodyReader).ConfigureAwait(false);
        context.Response.Headers["x-amz-crc32"] = canned.QueryCrc32;
        context.Response.Headers["x-amzn-RequestId"] = "Q7A1B2C3D4E5F6G7H8I9J0KLMNOPQRSTUVWXYZABCDEFGHIJKL";
        await WriteAsync(context, "application/x-amz-json-1.0", canned.Query).ConfigureAwait(false);
    }

    private static async Task SendMessageAsync(HttpContext context)
    {
        var body = await ReadAllAsync(context.Request.BodyReader).ConfigureAwait(false);
        var message = SqsPayloads.MessageBodyOf(body) ?? "";
        context.Response.Headers["x-amzn-RequestId"] = "6fde8d1e-52cd-4581-8cd9-c512f4c64223";
        await WriteAsync(context, "application/x-amz-json-1.0", SqsPayloads.SendMessage(message, Guid.NewGuid())).ConfigureAwait(false);
    }

    private async Task Ec2Async(HttpContext context)
    {
        await DrainAsync(context.Request.BodyReader).ConfigureAwait(false);
        await WriteAsync(context, "text/xml;charset=UTF-8", canned.DescribeInstances).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static async Task DrainAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
