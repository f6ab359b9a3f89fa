using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Mock.S3;

public class S3BucketTests
{
    private readonly S3Harness _s3 = new();

    [Fact]
    public async Task Create_head_locate_list_and_delete()
    {
        var created = await _s3.CreateBucket("alpha");
        Assert.Equal("/alpha", (string?)created["Location"]);
        _s3.Region = "eu-west-1";
        await _s3.Call("CreateBucket", new JsonObject { ["Bucket"] = "beta", ["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = "eu-west-1" } });

        Assert.Equal("eu-west-1", (string?)(await _s3.Call("HeadBucket", new JsonObject { ["Bucket"] = "beta" }))["BucketRegion"]);
        Assert.Equal("eu-west-1", (string?)(await _s3.Call("GetBucketLocation", new JsonObject { ["Bucket"] = "beta" }))["LocationConstraint"]);
        Assert.Null((await _s3.Call("GetBucketLocation", new JsonObject { ["Bucket"] = "alpha" }))["LocationConstraint"]);

        var list = await _s3.Call("ListBuckets", []);
        var buckets = list["Buckets"]!.AsArray();
        Assert.Equal(["alpha", "beta"], buckets.Select(b => (string)b!["Name"]!));
        Assert.Equal(_s3.Clock.Now, S3Harness.Time(buckets[0]!["CreationDate"]));
        Assert.Equal(64, ((string)list["Owner"]!["ID"]!).Length);

        await _s3.Call("DeleteBucket", new JsonObject { ["Bucket"] = "alpha" });
        var e = await _s3.Fails("HeadBucket", new JsonObject { ["Bucket"] = "alpha" }, "NoSuchBucket", 404);
        Assert.Equal("alpha", (string?)e.Error.Fields!["BucketName"]);
        await _s3.Fails("DeleteBucket", new JsonObject { ["Bucket"] = "alpha" }, "NoSuchBucket", 404);
    }

    [Fact]
    public async Task Creating_an_existing_bucket_answers_as_S3_does()
    {
        _s3.Region = "eu-west-1";
        var config = () => new JsonObject { ["LocationConstraint"] = "eu-west-1" };
        await _s3.Call("CreateBucket", new JsonObject { ["Bucket"] = "mine", ["CreateBucketConfiguration"] = config() });
        var e = await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "mine", ["CreateBucketConfiguration"] = config() }, "BucketAlreadyOwnedByYou", 409);
        Assert.Equal("mine", (string?)e.Error.Fields!["BucketName"]);

        _s3.Account = new MockAccount("111111111111", "other", "secret");
        await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "mine", ["CreateBucketConfiguration"] = config() }, "BucketAlreadyExists", 409);

        // us-east-1 keeps its legacy answer for the owner: success.
        _s3.Region = "us-east-1";
        await _s3.CreateBucket("legacy");
        await _s3.CreateBucket("legacy");
        _s3.Account = MockAccount.Default;
        await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "legacy" }, "BucketAlreadyExists", 409);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("UpperCase")]
    [InlineData("a..b")]
    [InlineData("-dash")]
    [InlineData("dash-")]
    [InlineData("192.168.1.10")]
    [InlineData("xn--punycode")]
    [InlineData("name-s3alias")]
    [InlineData("under_score")]
    public async Task Invalid_names_are_refused(string name)
    {
        var e = await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = name }, "InvalidBucketName", 400);
        Assert.Equal(name, (string?)e.Error.Fields!["BucketName"]);
    }

    [Fact]
    public async Task Location_constraints_follow_the_endpoint_region()
    {
        await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "bb1", ["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = "us-east-1" } }, "InvalidLocationConstraint", 400);
        await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "bb1", ["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = "nowhere" } }, "InvalidLocationConstraint", 400);
        _s3.Region = "eu-central-1";
        await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "bb1" }, "IllegalLocationConstraintException", 400);
        await _s3.Fails("CreateBucket", new JsonObject { ["Bucket"] = "bb1", ["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = "eu-west-1" } }, "IllegalLocationConstraintException", 400);

        // The global endpoint (us-east-1) creates buckets anywhere; EU is eu-west-1.
        _s3.Region = "us-east-1";
        await _s3.Call("CreateBucket", new JsonObject { ["Bucket"] = "bb1", ["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = "EU" } });
        Assert.Equal("eu-west-1", (string?)(await _s3.Call("HeadBucket", new JsonObject { ["Bucket"] = "bb1" }))["BucketRegion"]);
        Assert.Equal("EU", (string?)(await _s3.Call("GetBucketLocation", new JsonObject { ["Bucket"] = "bb1" }))["LocationConstraint"]);
    }

    [Fact]
    public async Task A_bucket_with_objects_is_not_deleted()
    {
        await _s3.CreateBucket("full");
        await _s3.Put("full", "k", "v");
        var e = await _s3.Fails("DeleteBucket", new JsonObject { ["Bucket"] = "full" }, "BucketNotEmpty", 409);
        Assert.Equal("full", (string?)e.Error.Fields!["BucketName"]);
        await _s3.Call("DeleteObject", new JsonObject { ["Bucket"] = "full", ["Key"] = "k" });
        await _s3.Call("CreateMultipartUpload", new JsonObject { ["Bucket"] = "full", ["Key"] = "pending" });
        await _s3.Call("DeleteBucket", new JsonObject { ["Bucket"] = "full" });
        Assert.Empty((await _s3.Call("ListBuckets", []))["Buckets"]!.AsArray());
    }

    [Fact]
    public async Task ListBuckets_shows_the_callers_buckets_a_page_at_a_time()
    {
        foreach (var name in new[] { "b-3", "b-1", "a-1", "b-2" })
        {
            await _s3.CreateBucket(name);
        }
        _s3.Account = new MockAccount("111111111111", "other", "secret");
        await _s3.CreateBucket("theirs");
        _s3.Account = MockAccount.Default;

        var first = await _s3.Call("ListBuckets", new JsonObject { ["Prefix"] = "b-", ["MaxBuckets"] = 2 });
        Assert.Equal(["b-1", "b-2"], first["Buckets"]!.AsArray().Select(b => (string)b!["Name"]!));
        Assert.Equal("b-", (string?)first["Prefix"]);
        var second = await _s3.Call("ListBuckets", new JsonObject { ["Prefix"] = "b-", ["MaxBuckets"] = 2, ["ContinuationToken"] = first["ContinuationToken"]!.DeepClone() });
        Assert.Equal(["b-3"], second["Buckets"]!.AsArray().Select(b => (string)b!["Name"]!));
        Assert.Null(second["ContinuationToken"]);
        Assert.Equal(4, (await _s3.Call("ListBuckets", []))["Buckets"]!.AsArray().Count);
    }

    [Fact]
    public async Task ExpectedBucketOwner_must_match()
    {
        await _s3.CreateBucket("owned");
        await _s3.Call("HeadBucket", new JsonObject { ["Bucket"] = "owned", ["ExpectedBucketOwner"] = MockAccount.Default.AccountId });
        await _s3.Fails("HeadBucket", new JsonObject { ["Bucket"] = "owned", ["ExpectedBucketOwner"] = "999999999999" }, "AccessDenied", 403);
    }
}
