using System.Diagnostics;
using Stratus.Models;

namespace Stratus.Tests.Models;

public class ModelLoaderTests
{
    private static ModelLoader NewLoader() => new([], includeEnvironment: false);

    [Theory]
    [InlineData("ec2", "ec2", "DescribeKeyPairs", "2016-11-15")]
    [InlineData("s3", "rest-xml", "GetObject", "2006-03-01")]
    [InlineData("sqs", "json", "SendMessage", "2012-11-05")]
    [InlineData("dynamodb", "json", "GetItem", "2012-08-10")]
    [InlineData("sts", "query", "AssumeRole", "2011-06-15")]
    public void Loads_well_known_services(string service, string protocol, string operation, string apiVersion)
    {
        var loader = NewLoader();
        var model = loader.LoadService(service);
        Assert.Equal(service, model.Name);
        Assert.Equal(protocol, model.Metadata.Protocol);
        Assert.Equal(apiVersion, model.Metadata.ApiVersion);
        Assert.Equal(apiVersion, loader.GetApiVersion(service));
        Assert.Contains(operation, model.OperationNames);
        var op = model.GetOperation(operation);
        Assert.NotNull(op.Input);
        Assert.NotEmpty(op.Input.Members);
        Assert.NotNull(loader.LoadRuleSet(service));
        Assert.NotNull(loader.LoadPaginators(service));
    }

    [Fact]
    public void Loads_paginators_waiters_and_rules()
    {
        var loader = NewLoader();
        Assert.True(loader.LoadPaginators("ec2")!.Value.GetProperty("pagination").TryGetProperty("DescribeInstances", out _));
        Assert.True(loader.LoadWaiters("ec2")!.Value.GetProperty("waiters").TryGetProperty("InstanceRunning", out _));
        Assert.Equal("1.0", loader.LoadRuleSet("ec2")!.Value.GetProperty("version").GetString());
        Assert.Null(loader.LoadWaiters("sts"));
    }

    [Fact]
    public void Documentation_is_stripped_but_members_named_like_traits_are_kept()
    {
        var model = NewLoader().LoadService("bedrock");
        Assert.False(model.GetShape("GuardrailTopic").Definition.TryGetProperty("documentation", out _));
        Assert.Contains("examples", model.GetShape("GuardrailTopic").Members.Keys);
    }

    [Fact]
    public void Sdk_extras_are_merged()
    {
        Assert.Equal("Secrets Manager", NewLoader().LoadService("secretsmanager").Metadata.ServiceId);
    }

    [Fact]
    public void Loading_one_service_does_not_decompress_others()
    {
        var loader = NewLoader();
        Assert.Equal(0, loader.LoadCount);
        Assert.False(loader.IsLoaded("ec2"));
        var first = loader.LoadService("ec2");
        loader.LoadPaginators("ec2");
        loader.LoadWaiters("ec2");
        Assert.Same(first, loader.LoadService("ec2"));
        Assert.True(loader.IsLoaded("ec2"));
        Assert.False(loader.IsLoaded("s3"));
        Assert.Equal(1, loader.LoadCount);
        Assert.NotEmpty(loader.ServiceNames);
        Assert.Equal(1, loader.LoadCount);
    }

    [Fact]
    public void Concurrent_loads_parse_once()
    {
        var loader = NewLoader();
        var models = new ServiceModel[16];
        Parallel.For(0, models.Length, i => models[i] = loader.LoadService("dynamodb"));
        Assert.All(models, m => Assert.Same(models[0], m));
        Assert.Equal(1, loader.LoadCount);
    }

    [Fact]
    public void Unknown_service_names_it_and_suggests_close_names()
    {
        var loader = NewLoader();
        var e = Assert.Throws<KeyNotFoundException>(() => loader.LoadService("ec3"));
        Assert.Contains("'ec3'", e.Message);
        Assert.Contains("ec2", e.Message);
        e = Assert.Throws<KeyNotFoundException>(() => loader.LoadPaginators("DynamoDB"));
        Assert.Contains("dynamodb", e.Message);
        Assert.Throws<KeyNotFoundException>(() => loader.LoadService("../s3"));
        Assert.Equal(0, loader.LoadCount);
    }

    [Theory]
    [InlineData("endpoints", "partitions")]
    [InlineData("_endpoints", "partitions")]
    [InlineData("partitions.json", "partitions")]
    [InlineData("_retry", "retry")]
    [InlineData("sdk-default-configuration", "modes")]
    public void Loads_data_files(string name, string property)
    {
        Assert.True(NewLoader().LoadData(name).TryGetProperty(property, out _));
    }

    [Fact]
    public void Unknown_data_file_throws()
    {
        var loader = NewLoader();
        Assert.Throws<KeyNotFoundException>(() => loader.LoadData("nope"));
        Assert.Throws<KeyNotFoundException>(() => loader.LoadData("../endpoints"));
    }

    [Fact]
    public void Every_bundled_service_parses()
    {
        var loader = NewLoader();

        var operations = 0;
        Parallel.ForEach(loader.ServiceNames, new ParallelOptions { MaxDegreeOfParallelism = 2 }, service =>
        {
            var model = loader.LoadService(service);
            Assert.False(string.IsNullOrEmpty(model.Metadata.Protocol), service);
            foreach (var name in model.OperationNames)
            {
                var op = model.GetOperation(name);
                _ = op.Input?.Members;
                _ = op.Output?.Members;
                _ = op.Errors;
                Interlocked.Increment(ref operations);
            }
            foreach (var name in model.ShapeNames)
            {
                Touch(model.GetShape(name));
            }
            loader.LoadPaginators(service);
            loader.LoadRuleSet(service);
        });
        Assert.Equal(loader.ServiceNames.Count, loader.LoadCount);
        Assert.True(operations > 10_000, $"{operations} operations");
    }

    private static void Touch(Shape shape)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                _ = shape.Members.Count;
                break;
            case ShapeType.List:
                _ = shape.Member;
                break;
            case ShapeType.Map:
                _ = shape.Key;
                _ = shape.Value;
                break;
        }
    }
}
