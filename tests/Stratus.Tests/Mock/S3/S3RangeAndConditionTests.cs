using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.S3;

public class S3RangeAndConditionTests : IAsyncLifetime
{
    private readonly S3Harness _s3 = new();
    private string _etag = "";

    public async Task InitializeAsync()
    {
        await _s3.CreateBucket("bkt");
        _etag = (string)(await _s3.Put("bkt", "digits", "0123456789"))["ETag"]!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("bytes=0-4", "01234", "bytes 0-4/10")]
    [InlineData("bytes=5-", "56789", "bytes 5-9/10")]
    [InlineData("bytes=-3", "789", "bytes 7-9/10")]
    [InlineData("bytes=8-100", "89", "bytes 8-9/10")]
    [InlineData("bytes=-100", "0123456789", "bytes 0-9/10")]
    [InlineData("bytes=9-9", "9", "bytes 9-9/10")]
    public async Task A_range_answers_206_with_its_content_range(string range, string body, string contentRange)
    {
        var get = await Get(new JsonObject { ["Range"] = range });
        Assert.Equal(body, Encoding.UTF8.GetString(await S3Harness.Body(get)));
        Assert.Equal(contentRange, (string?)get["ContentRange"]);
        Assert.Equal(body.Length, (long)get["ContentLength"]!);
        var head = await _s3.Call("HeadObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "digits", ["Range"] = range });
        Assert.Equal(contentRange, (string?)head["ContentRange"]);
        Assert.Equal(body.Length, (long)head["ContentLength"]!);
    }

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=0-1,4-5")]
    [InlineData("items=0-1")]
    [InlineData("bytes=x-y")]
    public async Task An_invalid_or_multiple_range_is_ignored(string range)
    {
        var get = await Get(new JsonObject { ["Range"] = range });
        Assert.Equal("0123456789", Encoding.UTF8.GetString(await S3Harness.Body(get)));
        Assert.Null(get["ContentRange"]);
    }

    [Theory]
    [InlineData("bytes=10-")]
    [InlineData("bytes=10-20")]
    [InlineData("bytes=-0")]
    public async Task An_unsatisfiable_range_is_416(string range)
    {
        var e = await _s3.Fails("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "digits", ["Range"] = range }, "InvalidRange", 416);
        Assert.Equal(range, (string?)e.Error.Fields!["RangeRequested"]);
        Assert.Equal("10", (string?)e.Error.Fields!["ActualObjectSize"]);
    }

    [Fact]
    public async Task Any_range_of_an_empty_object_is_416()
    {
        await _s3.Put("bkt", "empty", "");
        await _s3.Fails("GetObject", new JsonObject { ["Bucket"] = "bkt", ["Key"] = "empty", ["Range"] = "bytes=0-" }, "InvalidRange", 416);
    }

    [Fact]
    public async Task If_Match_and_If_Unmodified_Since()
    {
        await Get(new JsonObject { ["IfMatch"] = _etag });
        await Get(new JsonObject { ["IfMatch"] = "\"other\", " + _etag });
        await Get(new JsonObject { ["IfMatch"] = "*" });
        var e = await _s3.Fails("GetObject", Input(new JsonObject { ["IfMatch"] = "\"other\"" }), "PreconditionFailed", 412);
        Assert.Equal("If-Match", (string?)e.Error.Fields!["Condition"]);
        await _s3.Fails("HeadObject", Input(new JsonObject { ["IfMatch"] = "\"other\"" }), "PreconditionFailed", 412);

        var before = () => NativeValues.Timestamp(_s3.Clock.Now.AddSeconds(-1));
        await Get(new JsonObject { ["IfUnmodifiedSince"] = NativeValues.Timestamp(_s3.Clock.Now) });
        e = await _s3.Fails("GetObject", Input(new JsonObject { ["IfUnmodifiedSince"] = before() }), "PreconditionFailed", 412);
        Assert.Equal("If-Unmodified-Since", (string?)e.Error.Fields!["Condition"]);
        // A matching If-Match wins over a failing If-Unmodified-Since.
        await Get(new JsonObject { ["IfMatch"] = _etag, ["IfUnmodifiedSince"] = before() });
    }

    [Fact]
    public async Task If_None_Match_and_If_Modified_Since()
    {
        await _s3.Fails("GetObject", Input(new JsonObject { ["IfNoneMatch"] = _etag }), "NotModified", 304);
        await _s3.Fails("HeadObject", Input(new JsonObject { ["IfNoneMatch"] = "W/" + _etag }), "NotModified", 304);
        await Get(new JsonObject { ["IfNoneMatch"] = "\"other\"" });

        _s3.Clock.Advance(TimeSpan.FromHours(1));
        var lastModified = _s3.Clock.Now.AddHours(-1);
        await _s3.Fails("GetObject", Input(new JsonObject { ["IfModifiedSince"] = NativeValues.Timestamp(lastModified) }), "NotModified", 304);
        await _s3.Fails("GetObject", Input(new JsonObject { ["IfModifiedSince"] = NativeValues.Timestamp(lastModified.AddMinutes(1)) }), "NotModified", 304);
        await Get(new JsonObject { ["IfModifiedSince"] = NativeValues.Timestamp(lastModified.AddMinutes(-1)) });
        // A date in the future is ignored; a non-matching If-None-Match wins over If-Modified-Since.
        await Get(new JsonObject { ["IfModifiedSince"] = NativeValues.Timestamp(_s3.Clock.Now.AddDays(1)) });
        await Get(new JsonObject { ["IfNoneMatch"] = "\"other\"", ["IfModifiedSince"] = NativeValues.Timestamp(lastModified) });
    }

    [Fact]
    public async Task Conditions_are_checked_before_the_range()
    {
        await _s3.Fails("GetObject", Input(new JsonObject { ["IfMatch"] = "\"other\"", ["Range"] = "bytes=50-" }), "PreconditionFailed", 412);
    }

    private Task<JsonObject> Get(JsonObject extra) => _s3.Call("GetObject", Input(extra));

    private static JsonObject Input(JsonObject extra)
    {
        extra["Bucket"] = "bkt";
        extra["Key"] = "digits";
        return extra;
    }
}
