using Microsoft.Win32.SafeHandles;

namespace Stratus.Transfer;

/// <summary>Where an upload's bytes come from: a file read at any offset, or a stream read in order.</summary>
internal abstract class UploadSource
{
    /// <summary>The bytes to upload, or null when unknown (a stream that cannot seek).</summary>
    public abstract long? Length { get; }

    /// <summary>Whether parts can be read at any offset, in parallel (a file); otherwise strictly in order.</summary>
    public abstract bool ReadsAnywhere { get; }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; fewer bytes only at the end.</summary>
    public abstract ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Whether nothing is left after what was read (a stream peeks one byte).</summary>
    public abstract ValueTask<bool> AtEndAsync(long offset, CancellationToken cancellationToken);

    public static UploadSource For(SafeFileHandle file) => new FileSource(file);

    public static UploadSource For(Stream stream) => new StreamSource(stream);

    private sealed class FileSource(SafeFileHandle file) : UploadSource
    {
        private readonly long _length = RandomAccess.GetLength(file);

        public override long? Length => _length;

        public override bool ReadsAnywhere => true;

        public override async ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var n = await RandomAccess.ReadAsync(file, buffer[total..], offset + total, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }
                total += n;
            }
            return total;
        }

        public override ValueTask<bool> AtEndAsync(long offset, CancellationToken cancellationToken) => ValueTask.FromResult(offset >= _length);
    }

    private sealed class StreamSource(Stream stream) : UploadSource
    {
        private readonly long? _length = stream.CanSeek ? stream.Length - stream.Position : null;
        private long _position;
        private int _peeked = -1;

        public override long? Length => _length;

        public override bool ReadsAnywhere => false;

        public override async ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (offset != _position)
            {
                throw new InvalidOperationException($"A stream is read in order: asked for {offset}, at {_position}.");
            }
            var total = 0;
            if (_peeked >= 0 && buffer.Length > 0)
            {
                buffer.Span[0] = (byte)_peeked;
                _peeked = -1;
                total = 1;
            }
            while (total < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }
                total += n;
            }
            _position += total;
            return total;
        }

        public override async ValueTask<bool> AtEndAsync(long offset, CancellationToken cancellationToken)
        {
            if (_peeked >= 0)
            {
                return false;
            }
            var one = new byte[1];
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return true;
            }
            _peeked = one[0];
            return false;
        }
    }
}
