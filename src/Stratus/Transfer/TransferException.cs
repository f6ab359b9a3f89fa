using Stratus.Client;

namespace Stratus.Transfer;

/// <summary>A transfer failed for a reason of its own: a checksum mismatch, an object that changed during a download, a bad resume state.</summary>
public sealed class TransferException : StratusException
{
    /// <summary>Creates the exception.</summary>
    public TransferException(string bucket, string key, string message, Exception? inner = null) : base($"s3://{bucket}/{key}: {message}", inner)
    {
        Service = "s3";
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }

    /// <summary>The key.</summary>
    public string Key { get; }
}
