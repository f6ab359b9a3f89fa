using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Storage;
using Stratus.Storage.S3;
using Stratus.Testing.Mock;
using Stratus.Transfer;

namespace Stratus.Tests.Storage;

/// <summary>What the conformance suite does not cover of the S3 store: refused credentials, the checksum switch on the transfer manager.</summary>
public sealed class S3ObjectStoreTests
{
    [Fact]
    public async Task Refused_credentials_are_AccessDenied_even_for_head()
    {
        var cloud = new MockCloud();
        using (var owner = new S3ObjectStore(cloud.ClientOptions()))
        {
            await owner.CreateContainerAsync("guarded");
            await owner.PutAsync("guarded", "k", new MemoryStream([1, 2, 3]));
        }
        var options = cloud.ClientOptions();
        options.Credentials = new AwsCredentials(options.Credentials!.AccessKeyId, "wrong-secret");
        options.Retry = new Stratus.Pipeline.RetryOptions { MaxAttempts = 1 };
        using var store = new S3ObjectStore(options);

        var put = await Assert.ThrowsAsync<StorageException>(() => store.PutAsync("guarded", "k2", new MemoryStream([1])));
        Assert.Equal((StorageErrorKind.AccessDenied, "guarded", "k2"), (put.Kind, put.Container, put.Key));
        Assert.IsType<ServiceException>(put.InnerException);
        Assert.DoesNotContain("wrong-secret", put.ToString(), StringComparison.Ordinal);
        // A HEAD has no error body: a 403 must not pass for "missing".
        Assert.Equal(StorageErrorKind.AccessDenied, (await Assert.ThrowsAsync<StorageException>(() => store.HeadAsync("guarded", "k"))).Kind);
        Assert.Equal(StorageErrorKind.AccessDenied, (await Assert.ThrowsAsync<StorageException>(async () =>
        {
            await foreach (var _ in store.ListAsync("guarded"))
            {
            }
        })).Kind);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("when_supported", true)]
    [InlineData("when_required", false)]
    public async Task The_transfer_manager_sends_checksums_only_when_the_client_allows(string? setting, bool sent)
    {
        var cloud = new MockCloud();
        var options = cloud.ClientOptions();
        options.RequestChecksumCalculation = setting;
        using var s3 = new ServiceClient("s3", options);
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "sums" });
        var manager = new TransferManager(s3, new TransferOptions { PartSize = TransferOptions.MinPartSize, MultipartThreshold = TransferOptions.MinPartSize });
        var data = new byte[(int)TransferOptions.MinPartSize + 10];
        var multipart = await manager.UploadAsync(new MemoryStream(data), "sums", "multi");
        var single = await manager.UploadAsync(new MemoryStream([1, 2, 3]), "sums", "single");
        Assert.Equal(sent, multipart.Checksum is not null);
        Assert.Equal(sent, single.Checksum is not null);
        var head = await s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = "sums", ["Key"] = "single", ["ChecksumMode"] = "ENABLED" });
        Assert.Equal(sent, head["ChecksumCRC32C"] is not null);
    }
}
