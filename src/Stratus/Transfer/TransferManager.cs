using System.Buffers;
using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Transfer;

/// <summary>
/// Uploads and downloads S3 objects of any size: multipart uploads and ranged downloads in parallel, with
/// per-part checksums, a verified whole-object checksum, progress, cancellation, cleanup on failure and
/// resume. Memory per transfer stays near <see cref="TransferOptions.PartSize"/> × <see cref="TransferOptions.MaxConcurrency"/>,
/// whatever the object's size. Thread-safe; transfers may run at the same time.
/// </summary>
/// <remarks>
/// Async only: a transfer is many concurrent calls, and a synchronous twin would either give up the
/// parallelism or block a thread per part. Use <see cref="ServiceClient.Call"/> for small synchronous needs.
/// </remarks>
public sealed partial class TransferManager
{
    private const int MaxParts = 10_000;
    private readonly ServiceClient _s3;
    private readonly ArrayPool<byte> _pool;

    /// <summary>Creates a transfer manager over an S3 client.</summary>
    /// <exception cref="ArgumentException">The client is not for S3, or the options are out of range.</exception>
    public TransferManager(ServiceClient s3, TransferOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(s3);
        if (s3.Model.Name != "s3")
        {
            throw new ArgumentException($"A transfer manager needs an S3 client, not {s3.Model.Name}.", nameof(s3));
        }
        Options = options ?? new TransferOptions();
        Options.Validate();
        _s3 = s3;
        _pool = ArrayPool<byte>.Create((int)Math.Min(Options.PartSize * 2, Array.MaxLength), Options.MaxConcurrency);
    }

    /// <summary>The settings.</summary>
    public TransferOptions Options { get; }

    /// <summary>The S3 client.</summary>
    public ServiceClient Client => _s3;

    // The client's RequestChecksumCalculation = when_required (servers without flexible checksums) turns the upload checksum off.
    private TransferChecksumAlgorithm UploadChecksum => _s3.ChecksumsWhenRequired ? TransferChecksumAlgorithm.None : Options.ChecksumAlgorithm;

    private byte[] Rent(long size) => _pool.Rent((int)size);

    private void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            _pool.Return(buffer);
        }
    }

    // The caller's extra members that the operation's input has, without replacing those set here.
    private JsonObject WithExtra(string operation, JsonObject input, JsonObject? extra)
    {
        if (extra is null)
        {
            return input;
        }
        var members = _s3.Operation(operation).Input?.Members;
        foreach (var (name, value) in extra)
        {
            if (members is not null && members.ContainsKey(name) && !input.ContainsKey(name))
            {
                input[name] = value?.DeepClone();
            }
        }
        return input;
    }

    private bool HasMember(string operation, string member) => _s3.Operation(operation).Input?.Members.ContainsKey(member) == true;
}
