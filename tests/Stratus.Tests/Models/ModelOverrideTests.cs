using Stratus.Models;

namespace Stratus.Tests.Models;

/// <summary>Environment variables are process-wide: these tests never run beside others that read them.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public class ModelOverrideTests
{
    [Fact]
    public void A_new_service_appears_and_loads()
    {
        using var dir = new TempModelDirectory()
            .Add("my-service", "2020-01-01", "service-2.json", TempModelDirectory.Service("json", "2020-01-01", "OldOp"))
            .Add("my-service", "2024-06-30", "service-2.json", TempModelDirectory.Service("rest-json", "2024-06-30", "Ping", "Pong"))
            .Add("my-service", "2024-06-30", "paginators-1.json.gz", """{"pagination": {"Ping": {"input_token": "T", "output_token": "T", "result_key": "R"}}}""")
            .Add("my-service", "2024-06-30", "waiters-2.json", """{"version": 2, "waiters": {}}""");
        var loader = new ModelLoader([dir.Path], includeEnvironment: false);

        Assert.Contains("my-service", loader.ServiceNames);
        Assert.Contains("ec2", loader.ServiceNames);
        Assert.True(loader.Contains("my-service"));
        var model = loader.LoadService("my-service");
        Assert.Equal("rest-json", model.Metadata.Protocol);
        Assert.Equal("2024-06-30", loader.GetApiVersion("my-service"));
        Assert.Equal(["Ping", "Pong"], model.OperationNames);
        Assert.True(loader.LoadPaginators("my-service")!.Value.GetProperty("pagination").TryGetProperty("Ping", out _));
        Assert.NotNull(loader.LoadWaiters("my-service"));
        Assert.Null(loader.LoadRuleSet("my-service"));
    }

    [Fact]
    public void A_user_model_overrides_the_bundle()
    {
        using var dir = new TempModelDirectory()
            .Add("sts", "2001-01-01", "service-2.json.gz", TempModelDirectory.Service("json", "2001-01-01", "WhoAmI"));
        var loader = new ModelLoader([dir.Path], includeEnvironment: false);

        var sts = loader.LoadService("sts");
        Assert.Equal(["WhoAmI"], sts.OperationNames);
        Assert.Equal("json", sts.Metadata.Protocol);
        Assert.Null(loader.LoadRuleSet("sts"));
        Assert.Equal("query", new ModelLoader([], includeEnvironment: false).LoadService("sts").Metadata.Protocol);
        Assert.Equal(AwsModelBundleCount(), loader.ServiceNames.Count);
    }

    [Fact]
    public void The_first_directory_wins()
    {
        using var first = new TempModelDirectory().Add("x-svc", "2020-01-01", "service-2.json", TempModelDirectory.Service("json", "2020-01-01", "First"));
        using var second = new TempModelDirectory().Add("x-svc", "2030-01-01", "service-2.json", TempModelDirectory.Service("json", "2030-01-01", "Second"));
        Assert.Equal(["First"], new ModelLoader([first.Path, second.Path], false).LoadService("x-svc").OperationNames);
        Assert.Equal(["Second"], new ModelLoader([second.Path, first.Path], false).LoadService("x-svc").OperationNames);
    }

    [Fact]
    public void Data_files_can_be_overridden()
    {
        using var dir = new TempModelDirectory().AddData("endpoints.json", """{"partitions": [], "version": 99}""");
        var loader = new ModelLoader([dir.Path], false);
        Assert.Equal(99, loader.LoadData("_endpoints").GetProperty("version").GetInt32());
        Assert.True(loader.LoadData("partitions").TryGetProperty("partitions", out _));
    }

    [Fact]
    public void Missing_directories_are_ignored()
    {
        var loader = new ModelLoader([Path.Combine(Path.GetTempPath(), "stratus-no-such-dir-" + Guid.NewGuid())], false);
        Assert.Equal(AwsModelBundleCount(), loader.ServiceNames.Count);
        Assert.NotNull(loader.LoadService("sqs"));
    }

    [Fact]
    public void The_environment_variable_adds_directories()
    {
        using var a = new TempModelDirectory().Add("env-a", "2024-01-01", "service-2.json", TempModelDirectory.Service("json", "2024-01-01", "A"));
        using var b = new TempModelDirectory().Add("env-b", "2024-01-01", "service-2.json", TempModelDirectory.Service("json", "2024-01-01", "B"));
        var saved = Environment.GetEnvironmentVariable(ModelLoader.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelLoader.EnvironmentVariable, a.Path + Path.PathSeparator + Path.PathSeparator + b.Path);
            var loader = new ModelLoader([], includeEnvironment: true);
            Assert.Equal([a.Path, b.Path], loader.SearchPaths);
            Assert.Equal(["A"], loader.LoadService("env-a").OperationNames);
            Assert.Equal(["B"], loader.LoadService("env-b").OperationNames);
            Assert.Contains("env-a", new ModelLoader().ServiceNames);
            Assert.DoesNotContain("env-a", new ModelLoader([], includeEnvironment: false).ServiceNames);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelLoader.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void Explicit_directories_come_before_the_environment()
    {
        using var env = new TempModelDirectory().Add("dup", "2024-01-01", "service-2.json", TempModelDirectory.Service("json", "2024-01-01", "FromEnv"));
        using var arg = new TempModelDirectory().Add("dup", "2024-01-01", "service-2.json", TempModelDirectory.Service("json", "2024-01-01", "FromArg"));
        var saved = Environment.GetEnvironmentVariable(ModelLoader.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelLoader.EnvironmentVariable, env.Path);
            Assert.Equal(["FromArg"], new ModelLoader([arg.Path]).LoadService("dup").OperationNames);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelLoader.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void Default_is_shared() => Assert.Same(ModelLoader.Default, ModelLoader.Default);

    private static int AwsModelBundleCount() => Stratus.AwsModels.AwsModelBundle.ServiceNames.Count;
}
