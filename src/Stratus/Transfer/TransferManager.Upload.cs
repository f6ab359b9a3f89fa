using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Transfer;

public sealed partial class TransferManager
{
    /// <summary>
    /// Uploads a file: one PutObject up to <see cref="TransferOptions.MultipartThreshold"/>, else a multipart
    /// upload whose parts are read from the file at their offsets and sent in parallel.
    /// </summary>
    /// <exception cref="Stratus.Client.StratusException">A call failed (the multipart upload was aborted unless <see cref="UploadOptions.AbortOnFailure"/> is false), or a checksum did not match (<see cref="TransferException"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the multipart upload was aborted unless <see cref="UploadOptions.AbortOnFailure"/> is false).</exception>
    public async Task<UploadResult> UploadFileAsync(string path, string bucket, string key, UploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        return await UploadCoreAsync(UploadSource.For(file), bucket, key, options ?? new UploadOptions(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads a stream from its current position to its end, reading it once, in order. A stream that cannot
    /// seek has no known length: it is uploaded with one PutObject when it ends within the first part (and within
    /// <see cref="TransferOptions.MultipartThreshold"/>), else as a multipart upload. The stream is not disposed.
    /// </summary>
    /// <exception cref="Stratus.Client.StratusException">A call failed (the multipart upload was aborted unless <see cref="UploadOptions.AbortOnFailure"/> is false), or a checksum did not match (<see cref="TransferException"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the multipart upload was aborted unless <see cref="UploadOptions.AbortOnFailure"/> is false).</exception>
    public Task<UploadResult> UploadAsync(Stream stream, string bucket, string key, UploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return UploadCoreAsync(UploadSource.For(stream), bucket, key, options ?? new UploadOptions(), cancellationToken);
    }

    private async Task<UploadResult> UploadCoreAsync(UploadSource source, string bucket, string key, UploadOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var progress = new ProgressTracker(options.Progress, source.Length);
        if (options.Resume is not null)
        {
            return await MultipartAsync(source, bucket, key, options, null, 0, progress, cancellationToken).ConfigureAwait(false);
        }
        if (source.Length is { } length)
        {
            if (length > Options.MultipartThreshold)
            {
                return await MultipartAsync(source, bucket, key, options, null, 0, progress, cancellationToken).ConfigureAwait(false);
            }
            var whole = Rent(length);
            try
            {
                var n = await source.ReadAsync(0, whole.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
                return await PutObjectAsync(bucket, key, whole, n, options, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Return(whole);
            }
        }
        // Unknown length: read the first part; if the stream ends within it (and the threshold), one PutObject will do.
        var first = Rent(Options.PartSize);
        try
        {
            var read = await source.ReadAsync(0, first.AsMemory(0, (int)Options.PartSize), cancellationToken).ConfigureAwait(false);
            if (read <= Options.MultipartThreshold && (read < Options.PartSize || await source.AtEndAsync(read, cancellationToken).ConfigureAwait(false)))
            {
                progress.Total = read;
                return await PutObjectAsync(bucket, key, first, read, options, progress, cancellationToken).ConfigureAwait(false);
            }
            var buffer = first;
            first = null;
            return await MultipartAsync(source, bucket, key, options, buffer, read, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Return(first);
        }
    }

    private async Task<UploadResult> PutObjectAsync(string bucket, string key, byte[] buffer, int length, UploadOptions options, ProgressTracker progress, CancellationToken cancellationToken)
    {
        var algorithm = UploadChecksum;
        var input = new JsonObject
        {
            ["Bucket"] = bucket,
            ["Key"] = key,
            ["Body"] = NativeValues.Stream(new MemoryStream(buffer, 0, length, writable: false)),
        };
        string? checksum = null;
        if (algorithm != TransferChecksumAlgorithm.None)
        {
            checksum = TransferHasher.Compute(algorithm, buffer.AsSpan(0, length));
            input["ChecksumAlgorithm"] = TransferHasher.Name(algorithm);
            input[TransferHasher.Member(algorithm)] = checksum;
        }
        var result = await _s3.CallAsync("PutObject", WithExtra("PutObject", input, options.Input), cancellationToken).ConfigureAwait(false);
        if (checksum is not null && (string?)result[TransferHasher.Member(algorithm)] is { } stored && stored != checksum)
        {
            throw new TransferException(bucket, key, $"S3 stored {TransferHasher.Name(algorithm)} {stored}, but {checksum} was sent.");
        }
        progress.Add(length);
        return new UploadResult((string?)result["ETag"] ?? "", length, checksum, (string?)result["VersionId"], null, 1, 1);
    }
}
