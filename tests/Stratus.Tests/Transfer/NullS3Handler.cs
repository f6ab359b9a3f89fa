using System.Net;
using System.Text;

namespace Stratus.Tests.Transfer;

/// <summary>
/// A stand-in S3 that keeps nothing: part bodies are read and dropped, objects are zeros of a given size. It lets a
/// test move hundreds of MiB through the client while allocating next to nothing itself.
/// </summary>
internal sealed class NullS3Handler(long objectSize) : HttpMessageHandler
{
    private readonly byte[] _sink = new byte[64 * 1024];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = InterceptingHandler.Classify(request);
        switch (operation)
        {
            case "UploadPart":
                await using (var body = await request.Content!.ReadAsStreamAsync(cancellationToken))
                {
                    while (await body.ReadAsync(_sink, cancellationToken) > 0)
                    {
                    }
                }
                var part = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
                part.Headers.TryAddWithoutValidation("ETag", "\"part\"");
                return part;
            case "CreateMultipartUpload":
                return Xml("<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>u</UploadId></InitiateMultipartUploadResult>");
            case "CompleteMultipartUpload":
                return Xml("<CompleteMultipartUploadResult><ETag>\"whole-1\"</ETag></CompleteMultipartUploadResult>");
            case "HeadObject":
                var head = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
                head.Content.Headers.ContentLength = objectSize;
                head.Headers.TryAddWithoutValidation("ETag", "\"whole-1\"");
                return head;
            case "GetObject":
                var range = request.Headers.Range!.Ranges.Single();
                var length = range.To!.Value - range.From!.Value + 1;
                var get = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new StreamContent(new ZeroStream(length)) };
                get.Content.Headers.ContentLength = length;
                get.Headers.TryAddWithoutValidation("ETag", "\"whole-1\"");
                return get;
            default:
                throw new InvalidOperationException($"NullS3Handler: {operation}?");
        }
    }

    private static HttpResponseMessage Xml(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };

    private sealed class ZeroStream(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _left);
            buffer[..n].Clear();
            _left -= n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
