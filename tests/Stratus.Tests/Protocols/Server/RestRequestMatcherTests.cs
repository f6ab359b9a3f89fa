using Stratus.Models;
using Stratus.Protocols.Rest;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>Template matching on S3's model (the hardest set of templates AWS has) and on small hand-made ones, for rest-json and rest-xml alike.</summary>
public sealed class RestRequestMatcherTests
{
    private static readonly ServiceModel S3 = ModelLoader.Default.LoadService("s3");

    [Theory]
    [InlineData("GET", "/bucket", "", "ListObjects")]
    [InlineData("GET", "/bucket", "list-type=2", "ListObjectsV2")]
    [InlineData("GET", "/bucket", "list-type=2&prefix=a", "ListObjectsV2")]
    [InlineData("GET", "/bucket", "versioning", "GetBucketVersioning")]
    [InlineData("GET", "/bucket/dir/key.txt", "x-id=GetObject", "GetObject")]
    [InlineData("GET", "/bucket/dir/key.txt", "", "GetObject")]
    [InlineData("GET", "/bucket/dir/key.txt", "acl", "GetObjectAcl")]
    [InlineData("GET", "/bucket/key", "uploadId=u1", "ListParts")]
    [InlineData("PUT", "/bucket/key", "partNumber=1&uploadId=u1", "UploadPart")]
    [InlineData("PUT", "/bucket/key", "", "PutObject")]
    [InlineData("POST", "/bucket/key", "uploads", "CreateMultipartUpload")]
    [InlineData("POST", "/bucket/key", "uploadId=u1", "CompleteMultipartUpload")]
    [InlineData("DELETE", "/bucket/key", "uploadId=u1", "AbortMultipartUpload")]
    [InlineData("DELETE", "/bucket/key", "x-id=DeleteObject", "DeleteObject")]
    [InlineData("HEAD", "/bucket", "", "HeadBucket")]
    [InlineData("HEAD", "/bucket/key", "", "HeadObject")]
    [InlineData("GET", "/", "", "ListBuckets")]
    [InlineData("GET", "/bucket/", "", "ListObjects")]
    [InlineData("GET", "/bucket/", "list-type=2", "ListObjectsV2")]
    [InlineData("GET", "/bucket/dir/", "", "GetObject")]
    public void FindsTheMostSpecificS3Operation(string method, string path, string query, string expected)
    {
        var found = RestRequestMatcher.FindOperation(S3, Request(method, path, query));

        Assert.Equal(expected, found?.Name);
    }

    [Fact]
    public void RequiredHeaderTellsApartOperationsSharingATemplate()
    {
        var copy = Request("PUT", "/bucket/key", "");
        copy.Headers["x-amz-copy-source"] = "/other/key";

        Assert.Equal("CopyObject", RestRequestMatcher.FindOperation(S3, copy)?.Name);
        var partCopy = Request("PUT", "/bucket/key", "partNumber=1&uploadId=u1");
        partCopy.Headers["x-amz-copy-source"] = "/other/key";
        Assert.Equal("UploadPartCopy", RestRequestMatcher.FindOperation(S3, partCopy)?.Name);
    }

    [Fact]
    public void MissingRequiredMemberDoesNotRuleOutTheOnlyMatch()
    {
        var model = Model("""
            {"metadata": {"protocol": "rest-xml"},
             "shapes": {"In": {"type": "structure", "required": ["Token"],
                               "members": {"Token": {"shape": "S", "location": "header", "locationName": "x-token"}}},
                        "S": {"type": "string"}},
             "operations": {"Put": {"http": {"method": "PUT", "requestUri": "/{Id}"}, "input": {"shape": "In"}}}}
            """);

        Assert.Equal("Put", RestRequestMatcher.FindOperation(model, Request("PUT", "/a", ""))?.Name);
    }

    [Fact]
    public void TrailingSlashIsDroppedOnlyWhenNothingMatchesWithIt()
    {
        var model = Model("""
            {"metadata": {"protocol": "rest-json"}, "shapes": {},
             "operations": {
               "ListFunctions": {"http": {"method": "GET", "requestUri": "/fns/"}},
               "GetFunctions": {"http": {"method": "GET", "requestUri": "/fns"}},
               "GetThing": {"http": {"method": "GET", "requestUri": "/things/{Id}"}}}}
            """);

        Assert.Equal("ListFunctions", RestRequestMatcher.FindOperation(model, Request("GET", "/fns/", ""))?.Name);
        Assert.Equal("GetFunctions", RestRequestMatcher.FindOperation(model, Request("GET", "/fns", ""))?.Name);
        Assert.Equal("GetThing", RestRequestMatcher.FindOperation(model, Request("GET", "/things/t1/", ""))?.Name);
        Assert.Equal("t1", RestRequestMatcher.MatchLabels(model.GetOperation("GetThing"), "/things/t1/")!["Id"]);
    }

    [Fact]
    public void GreedyLabelKeepsSlashesAndDecodes()
    {
        var operation = S3.GetOperation("GetObject");

        var labels = RestRequestMatcher.MatchLabels(operation, "/my-bucket/dir/a%20b%2Bc/%E2%82%AC.txt");

        Assert.Equal("my-bucket", labels!["Bucket"]);
        Assert.Equal("dir/a b+c/€.txt", labels["Key"]);
    }

    [Fact]
    public void LiteralSegmentBeatsLabelMethodMustMatchAndXIdIsOptional()
    {
        var model = Model("""
            {"metadata": {"protocol": "rest-json"}, "shapes": {},
             "operations": {
               "GetThing": {"http": {"method": "GET", "requestUri": "/things/{Id}"}},
               "GetSpecial": {"http": {"method": "GET", "requestUri": "/things/special"}},
               "DeleteThing": {"http": {"method": "DELETE", "requestUri": "/things/{Id}"}},
               "GetVersion": {"http": {"method": "GET", "requestUri": "/things/{Id}:version"}},
               "GetObj": {"http": {"method": "GET", "requestUri": "/objs/{Key+}?x-id=GetObj"}},
               "GetObjAcl": {"http": {"method": "GET", "requestUri": "/objs/{Key+}?acl"}}}}
            """);

        Assert.Equal("GetSpecial", RestRequestMatcher.FindOperation(model, Request("GET", "/things/special", ""))?.Name);
        Assert.Equal("GetThing", RestRequestMatcher.FindOperation(model, Request("GET", "/things/t1", ""))?.Name);
        Assert.Equal("GetVersion", RestRequestMatcher.FindOperation(model, Request("GET", "/things/t1:version", ""))?.Name);
        Assert.Equal("DeleteThing", RestRequestMatcher.FindOperation(model, Request("DELETE", "/things/t1", ""))?.Name);
        Assert.Null(RestRequestMatcher.FindOperation(model, Request("PUT", "/things/t1", "")));
        Assert.Null(RestRequestMatcher.FindOperation(model, Request("GET", "/things/a/b", "")));
        Assert.Equal("GetObj", RestRequestMatcher.FindOperation(model, Request("GET", "/objs/a/b", "x-id=GetObj"))?.Name);
        Assert.Equal("GetObj", RestRequestMatcher.FindOperation(model, Request("GET", "/objs/a/b", ""))?.Name);
        Assert.Null(RestRequestMatcher.FindOperation(model, Request("GET", "/objs/a/b", "x-id=Other")));
        Assert.Equal("GetObjAcl", RestRequestMatcher.FindOperation(model, Request("GET", "/objs/a/b", "acl"))?.Name);
    }

    [Fact]
    public void PathSpecificityWinsOverLiteralQueryAsSmithyRoutes()
    {
        var model = Model("""
            {"metadata": {"protocol": "rest-json"}, "shapes": {},
             "operations": {
               "One": {"http": {"method": "GET", "requestUri": "/abc/bcd/{xyz}"}},
               "Two": {"http": {"method": "GET", "requestUri": "/abc/{xyz}/cde"}},
               "Three": {"http": {"method": "GET", "requestUri": "/{xyz}/bcd/cde?def=efg"}}}}
            """);

        Assert.Equal("One", RestRequestMatcher.FindOperation(model, Request("GET", "/abc/bcd/cde", "def=efg"))?.Name);
        Assert.Equal("Two", RestRequestMatcher.FindOperation(model, Request("GET", "/abc/foo/cde", "def=efg"))?.Name);
        Assert.Equal("Three", RestRequestMatcher.FindOperation(model, Request("GET", "/foo/bcd/cde", "def=efg"))?.Name);
    }

    private static ServiceModel Model(string json) => ServiceModel.Parse("t", System.Text.Encoding.UTF8.GetBytes(json));

    private static ServerRequest Request(string method, string path, string query)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(eq < 0 ? new(part, null) : new(part[..eq], part[(eq + 1)..]));
        }
        return new ServerRequest { Method = method, Path = path, Query = pairs };
    }
}
