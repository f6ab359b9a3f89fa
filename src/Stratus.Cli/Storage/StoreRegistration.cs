namespace Stratus.Cli.Storage;

/// <summary>
/// Registers the providers' object stores (<c>s3://</c>, <c>swift://</c>, <c>az://</c>) with
/// <see cref="Stratus.Storage.ObjectStores"/>, once per process, before <c>stratus storage</c> opens one. This is the
/// only place the CLI names a provider; everything else goes through the portable contract.
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
        // TODO(lead): the stores are written on other branches; turn this on at merge (change #if false to #if true,
        // or delete the #if), once S3ObjectStore, OpenStackCloud and AzureCloud are on main. Local paths and file://
        // URLs are read and written by the CLI itself, so the FileSystemObjectStore is not needed here.
#if false
        Stratus.Storage.S3.S3ObjectStore.Register();   // s3:// (AWS profiles and environment, --endpoint-url, --region)
        Stratus.OpenStack.OpenStackCloud.Register();    // swift:// (OS_* and ST_* environment variables)
        Stratus.Azure.AzureCloud.Register();            // az:// (connection string)
#endif
    }
}
