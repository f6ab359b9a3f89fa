namespace Stratus.Cli.Storage;

/// <summary>
/// Registers the providers' object stores (<c>swift://</c>, <c>az://</c>; the runtime registers <c>s3://</c> and
/// <c>file://</c> itself) with <see cref="Stratus.Storage.ObjectStores"/>, once per process, before
/// <c>stratus storage</c> opens one. This is the only place the CLI names a provider; everything else goes through
/// the portable contract.
/// </summary>
internal static class StoreRegistration
{
    private static int s_registered;

    /// <summary>Registers every provider's store (once; later calls do nothing).</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }
        // s3:// is registered by the runtime's ObjectStores; local paths and file:/// URLs are read and written by
        // the CLI itself, so the FileSystemObjectStore is not used here.
        Stratus.OpenStack.OpenStackCloud.Register();    // swift:// (OS_* and ST_* environment variables)
        Stratus.Azure.AzureCloud.Register();            // az:// (connection string)
    }
}
