using System.Text;
using System.Text.Json;
using Stratus.Endpoints;

namespace Stratus.Tests.Endpoints;

public class EndpointRuleSetTests
{
    private static readonly Partitions Partitions = Partitions.Parse(Encoding.UTF8.GetBytes("""
        {"partitions": [{"id": "aws", "regionRegex": "^us\\-\\w+\\-\\d+$",
          "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com", "dualStackDnsSuffix": "api.aws", "supportsFIPS": true, "supportsDualStack": true},
          "regions": {"us-east-1": {}}}]}
        """));

    private static EndpointRuleSet Load(string json, int cacheCapacity = EndpointRuleSet.DefaultCacheCapacity)
    {
        using var document = JsonDocument.Parse(json);
        return EndpointRuleSet.Load(document.RootElement, Partitions, cacheCapacity);
    }

    private const string RegionalRuleSet = """
        {"version": "1.0",
         "parameters": {
           "Region": {"type": "String", "builtIn": "AWS::Region"},
           "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "default": false, "required": true},
           "Arns": {"type": "stringArray"}
         },
         "rules": [
           {"conditions": [{"fn": "isSet", "argv": [{"ref": "Arns"}]},
                           {"fn": "getAttr", "argv": [{"ref": "Arns"}, "[0]"], "assign": "first"},
                           {"fn": "aws.parseArn", "argv": ["{first}"], "assign": "arn"}],
            "endpoint": {"url": "https://{arn#accountId}.{arn#resourceId[1]}.example.com",
                         "properties": {}, "headers": {"x-arn-service": ["{arn#service}"]}},
            "type": "endpoint"},
           {"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}],
            "type": "tree",
            "rules": [
              {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
                              {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]},
                              {"fn": "booleanEquals", "argv": [true, {"fn": "getAttr", "argv": [{"ref": "p"}, "supportsFIPS"]}]}],
               "endpoint": {"url": "https://svc-fips.{Region}.{p#dnsSuffix}",
                            "properties": {"authSchemes": [{"name": "sigv4", "signingName": "svc", "signingRegion": "{Region}", "disableDoubleEncoding": true}]},
                            "headers": {}},
               "type": "endpoint"},
              {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "us-nowhere-1"]}],
               "error": "Region {Region} is closed {{sorry}}", "type": "error"},
              {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
                              {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, false]}],
               "endpoint": {"url": "https://svc.{Region}.{p#dnsSuffix}", "properties": {}, "headers": {}},
               "type": "endpoint"}
            ]},
           {"conditions": [], "error": "Invalid Configuration: Missing Region", "type": "error"}
         ]}
        """;

    [Fact]
    public void Resolves_a_templated_url_with_partition_attributes()
    {
        var endpoint = Load(RegionalRuleSet).Resolve(new EndpointParameters { { "Region", "us-west-2" } });
        Assert.Equal("https://svc.us-west-2.amazonaws.com", endpoint.Url.OriginalString);
        Assert.Empty(endpoint.Properties);
        Assert.Empty(endpoint.AuthSchemes);
    }

    [Fact]
    public void Templated_properties_become_typed_auth_schemes()
    {
        var endpoint = Load(RegionalRuleSet).Resolve(new EndpointParameters { { "Region", "us-east-1" }, { "UseFIPS", true } });
        Assert.Equal("https://svc-fips.us-east-1.amazonaws.com", endpoint.Url.OriginalString);
        var scheme = Assert.Single(endpoint.AuthSchemes);
        Assert.Equal("sigv4", scheme.Name);
        Assert.Equal("svc", scheme.SigningName);
        Assert.Equal("us-east-1", scheme.SigningRegion);
        Assert.True(scheme.DisableDoubleEncoding);
        Assert.Equal("us-east-1", endpoint.Properties["authSchemes"][0].GetProperty("signingRegion").GetString());
    }

    [Fact]
    public void Error_rules_throw_with_the_templated_message()
    {
        var rules = Load(RegionalRuleSet);
        var e = Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new EndpointParameters { { "Region", "us-nowhere-1" } }));
        Assert.Equal("Region us-nowhere-1 is closed {sorry}", e.Message);
        e = Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new EndpointParameters()));
        Assert.Equal("Invalid Configuration: Missing Region", e.Message);
    }

    [Fact]
    public void Assignments_getAttr_indexes_and_headers()
    {
        var endpoint = Load(RegionalRuleSet).Resolve(new EndpointParameters
        {
            { "Arns", ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"] },
        });
        Assert.Equal("https://111122223333.orders.example.com", endpoint.Url.OriginalString);
        Assert.Equal(["dynamodb"], endpoint.Headers["x-arn-service"]);
    }

    [Fact]
    public void A_tree_rule_with_no_matching_rule_fails()
    {
        const string json = """
            {"version": "1.0", "parameters": {"Flag": {"type": "boolean", "default": true, "required": true}},
             "rules": [
               {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Flag"}, true]}], "type": "tree",
                "rules": [{"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Flag"}, false]}], "error": "unreachable", "type": "error"}]},
               {"conditions": [], "endpoint": {"url": "https://fallthrough.example.com"}, "type": "endpoint"}
             ]}
            """;
        Assert.Throws<EndpointResolutionException>(() => Load(json).Resolve(new EndpointParameters()));
        Assert.Equal("https://fallthrough.example.com", Load(json).Resolve(new EndpointParameters { { "Flag", false } }).Url.OriginalString);
    }

    [Fact]
    public void Parameters_are_declared_with_defaults_and_checked()
    {
        var rules = Load(RegionalRuleSet);
        var useFips = Assert.Single(rules.Parameters, p => p.Name == "UseFIPS");
        Assert.Equal(EndpointParameterType.Boolean, useFips.Type);
        Assert.Equal("AWS::UseFIPS", useFips.BuiltIn);
        Assert.Equal(false, useFips.Default);
        Assert.True(useFips.Required);
        Assert.Equal(EndpointParameterType.StringArray, rules.Parameters[2].Type);
        Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new EndpointParameters { { "Region", true } }));
    }

    [Fact]
    public void A_required_parameter_without_a_value_fails()
    {
        const string json = """
            {"version": "1.0", "parameters": {"Bucket": {"type": "string", "required": true}},
             "rules": [{"conditions": [], "endpoint": {"url": "https://{Bucket}.example.com"}, "type": "endpoint"}]}
            """;
        var rules = Load(json);
        Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new EndpointParameters()));
        Assert.Equal("https://b.example.com", rules.Resolve(new EndpointParameters { { "Bucket", "b" } }).Url.OriginalString);
    }

    [Fact]
    public void Equal_parameter_sets_share_a_cached_endpoint()
    {
        var rules = Load(RegionalRuleSet);
        var first = rules.Resolve(new EndpointParameters { { "Region", "us-west-2" } });
        var second = rules.Resolve(new EndpointParameters { { "Region", "us-west-2" }, { "UseFIPS", false } });
        Assert.Same(first, second);
        Assert.NotSame(first, rules.Resolve(new EndpointParameters { { "Region", "us-west-1" } }));
        var uncached = Load(RegionalRuleSet, cacheCapacity: 0);
        Assert.NotSame(uncached.Resolve(new EndpointParameters { { "Region", "us-west-2" } }), uncached.Resolve(new EndpointParameters { { "Region", "us-west-2" } }));
    }

    [Fact]
    public void The_cache_stays_bounded_and_correct()
    {
        var rules = Load(RegionalRuleSet, cacheCapacity: 4);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"https://svc.us-west-{i}.amazonaws.com", rules.Resolve(new EndpointParameters { { "Region", $"us-west-{i}" } }).Url.OriginalString);
        }
    }

    [Fact]
    public void Concurrent_resolution_is_consistent()
    {
        var rules = Load(RegionalRuleSet, cacheCapacity: 8);
        Parallel.For(0, 2000, i =>
        {
            var region = $"us-west-{i % 20}";
            Assert.Equal($"https://svc.{region}.amazonaws.com", rules.Resolve(new EndpointParameters { { "Region", region } }).Url.OriginalString);
        });
    }

    [Theory]
    [InlineData("""{"fn": "noSuchFunction", "argv": []}""")]
    [InlineData("""{"fn": "isSet", "argv": [{"ref": "Undeclared"}]}""")]
    [InlineData("""{"fn": "isSet", "argv": [{"ref": "Region"}, {"ref": "Region"}]}""")]
    [InlineData("""{"fn": "stringEquals", "argv": ["{Region", "x"]}""")]
    public void Malformed_rule_sets_fail_to_load(string condition)
    {
        var json = $$$"""
            {"version": "1.0", "parameters": {"Region": {"type": "string"}},
             "rules": [{"conditions": [{{{condition}}}], "endpoint": {"url": "https://example.com"}, "type": "endpoint"}]}
            """;
        Assert.Throws<InvalidDataException>(() => Load(json));
    }

    [Fact]
    public void Assigned_variables_are_scoped_to_their_rule()
    {
        const string json = """
            {"version": "1.0", "parameters": {"Region": {"type": "string"}},
             "rules": [
               {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}, {"fn": "not", "argv": [true]}],
                "endpoint": {"url": "https://a.example.com"}, "type": "endpoint"},
               {"conditions": [], "endpoint": {"url": "https://{p#name}.example.com"}, "type": "endpoint"}
             ]}
            """;
        Assert.Throws<InvalidDataException>(() => Load(json));
    }
}
