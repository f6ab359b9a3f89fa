using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Stratus.Packages.Tests;

/// <summary>The packages as a user gets them: from a folder, into a project that has never seen this repository.</summary>
public sealed partial class PackedPackagesTests(PackedFeed packed, ITestOutputHelper output) : IClassFixture<PackedFeed>
{
    /// <summary>One package per assembly a user would take or leave; the CLI as a .NET tool.</summary>
    private static readonly string[] Expected = ["Stratus", "Stratus.AwsModels", "Stratus.Testing", "Stratus.Extensions.DependencyInjection", "Stratus.Cli"];

    [DotnetFact]
    public async Task Every_package_has_a_readme_a_licence_symbols_and_the_version_from_git()
    {
        var feed = await packed.GetAsync();
        output.WriteLine($"dotnet pack Stratus.slnx --no-build: {feed.PackTime.TotalSeconds:F1} s, version {feed.Version}");
        Assert.Matches(SemVer(), feed.Version);

        var ids = new List<string>();
        foreach (var nupkg in Directory.GetFiles(feed.Feed, "*.nupkg"))
        {
            using var zip = ZipFile.OpenRead(nupkg);
            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
            XDocument nuspec;
            using (var stream = nuspecEntry.Open())
            {
                nuspec = XDocument.Load(stream);
            }
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Get(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            var id = Get("id")!;
            ids.Add(id);
            Assert.Equal(feed.Version, Get("version"));
            Assert.Equal("Apache-2.0", Get("license"));
            Assert.Equal("README.md", Get("readme"));
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            Assert.False(string.IsNullOrWhiteSpace(Get("description")), $"{id} has no description");
            // Symbols beside every package with assemblies of its own (an analyzer-only package has none: NU5017).
            if (zip.Entries.Any(e => (e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("tools/", StringComparison.Ordinal))
                && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
            {
                Assert.True(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), $"{id} has no symbols package");
            }
            // SourceLink: the commit the package was built from.
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
            if (id == "Stratus.AwsModels")
            {
                // The models are botocore's: their provenance and licence travel with them.
                Assert.Contains(zip.Entries, e => e.FullName == "PROVENANCE.md");
                Assert.Contains(zip.Entries, e => e.FullName == "LICENSE-botocore.txt");
            }
            if (id == "Stratus.Cli")
            {
                Assert.Contains("DotnetTool", nuspec.ToString(), StringComparison.Ordinal);
            }
        }
        output.WriteLine(string.Join(", ", ids.Order(StringComparer.Ordinal)));
        Assert.All(Expected, id => Assert.Contains(id, ids));
        // Tests, benchmarks, samples and tools do not ship.
        Assert.DoesNotContain(ids, id => id.Contains("Tests", StringComparison.Ordinal) || id.Contains("Bench", StringComparison.Ordinal)
            || id is "Quickstart" or "Conformance" or "ModelImport");
    }

    [DotnetFact]
    public async Task A_fresh_console_project_installs_the_packages_and_calls_the_mock_cloud()
    {
        var feed = await packed.GetAsync();
        var app = Path.Combine(packed.Root, "app");
        Directory.CreateDirectory(app);
        File.Copy(feed.NuGetConfig, Path.Combine(app, "nuget.config"));
        await File.WriteAllTextAsync(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Stratus" Version="{feed.Version}" />
                <PackageReference Include="Stratus.AwsModels" Version="{feed.Version}" />
                <PackageReference Include="Stratus.Testing" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using System.Text.Json.Nodes;
            using Stratus;
            using Stratus.AwsModels;
            using Stratus.Protocols;
            using Stratus.Testing.Mock;

            await using var cloud = new MockCloud();
            using var s3 = Aws.Connect("s3", cloud.ClientOptions("us-east-1"));
            await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "packed" });
            var put = await s3.CallAsync("PutObject", new JsonObject
            {
                ["Bucket"] = "packed",
                ["Key"] = "hello.txt",
                ["Body"] = NativeValues.Blob("hello from the packages"u8.ToArray()),
            });
            var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = "packed", ["Key"] = "hello.txt" });
            using var reader = new StreamReader(got["Body"]!.GetValue<Stream>());
            Console.WriteLine($"etag {put["ETag"]}");
            Console.WriteLine($"body {await reader.ReadToEndAsync()}");
            Console.WriteLine($"models {AwsModelBundle.Version}");
            """);

        var run = await Dotnet.RunAsync(app, feed.Environment, "run", "-c", "Release");
        output.WriteLine($"dotnet run (restore, build, run): {run.Elapsed.TotalSeconds:F1} s");
        run.Ok("dotnet run of the console project");
        Assert.Contains("body hello from the packages", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"etag ""?[0-9a-f]{32}""?", run.Output);
        Assert.Matches(@"models \d+\.\d+\.\d+", run.Output);
        // Restored from the packed folder into the private packages folder, at the packed version.
        Assert.True(Directory.Exists(Path.Combine(feed.PackagesFolder, "stratus.testing", feed.Version.ToLowerInvariant())),
            $"Stratus.Testing {feed.Version} was not restored into {feed.PackagesFolder}");
    }

    /// <summary>
    /// docs/migrating-from-aws-sdk.md: its Stratus snippets compile against the packed packages, and its AWS SDK for
    /// .NET snippets against the AWS SDK versions the repository's other tests use, so neither side names a method
    /// that does not exist.
    /// </summary>
    [DotnetFact]
    public async Task The_migration_guide_snippets_compile()
    {
        var feed = await packed.GetAsync();
        var page = await File.ReadAllTextAsync(Path.Combine(PackedFeed.RepoRoot, "docs", "migrating-from-aws-sdk.md"));
        var stratus = DocSnippets.Blocks(page, "stratus");
        var aws = DocSnippets.Blocks(page, "aws");
        Assert.True(stratus.Count >= 10, $"only {stratus.Count} Stratus snippets found");
        Assert.True(aws.Count >= 7, $"only {aws.Count} AWS SDK snippets found");

        var versions = XDocument.Load(Path.Combine(PackedFeed.RepoRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var docs = Path.Combine(packed.Root, "docs");
        Directory.CreateDirectory(docs);
        File.Copy(feed.NuGetConfig, Path.Combine(docs, "nuget.config"));
        await File.WriteAllTextAsync(Path.Combine(docs, "docs.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Stratus" Version="{feed.Version}" />
                <PackageReference Include="Stratus.Testing" Version="{feed.Version}" />
                <PackageReference Include="Stratus.Extensions.DependencyInjection" Version="{feed.Version}" />
                <PackageReference Include="AWSSDK.S3" Version="{versions["AWSSDK.S3"]}" />
                <PackageReference Include="AWSSDK.DynamoDBv2" Version="{versions["AWSSDK.DynamoDBv2"]}" />
                <PackageReference Include="AWSSDK.SQS" Version="{versions["AWSSDK.SQS"]}" />
                <PackageReference Include="AWSSDK.SecurityToken" Version="{versions["AWSSDK.SecurityToken"]}" />
              </ItemGroup>
            </Project>
            """);
        string[] names = ["string queueUrl = \"\", accessKey = \"\", secretKey = \"\", sessionToken = \"\"", "CancellationToken ct"];
        await File.WriteAllTextAsync(Path.Combine(docs, "StratusSnippets.cs"), DocSnippets.Class("StratusSnippets",
            ["System.Text.Json.Nodes", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Stratus", "Stratus.Client",
             "Stratus.Credentials", "Stratus.Extensions.DependencyInjection", "Stratus.Pipeline", "Stratus.Transfer", "Stratus.Waiters"],
            [.. names, "ServiceClient s3 = null!, ddb = null!, sqs = null!", "IServiceCollection services = null!", "IConfiguration configuration = null!"],
            stratus));
        await File.WriteAllTextAsync(Path.Combine(docs, "AwsSnippets.cs"), DocSnippets.Class("AwsSnippets",
            ["Amazon", "Amazon.DynamoDBv2", "Amazon.DynamoDBv2.Model", "Amazon.Runtime", "Amazon.Runtime.CredentialManagement", "Amazon.S3",
             "Amazon.S3.Model", "Amazon.S3.Util", "Amazon.SQS", "Amazon.SQS.Model"],
            [.. names, "IAmazonS3 s3 = null!", "IAmazonDynamoDB ddb = null!", "IAmazonSQS sqs = null!"],
            aws));

        var build = await Dotnet.RunAsync(docs, feed.Environment, "build", "-c", "Release");
        output.WriteLine($"{stratus.Count} Stratus and {aws.Count} AWS SDK snippets; dotnet build: {build.Elapsed.TotalSeconds:F1} s");
        build.Ok("the migration guide's snippets do not compile");
    }

    [DotnetFact]
    public async Task The_cli_installs_as_a_dotnet_tool_and_runs()
    {
        var feed = await packed.GetAsync();
        var tools = Path.Combine(packed.Root, "tools");
        var install = await Dotnet.RunAsync(packed.Root, feed.Environment,
            "tool", "install", "Stratus.Cli", "--tool-path", tools, "--version", feed.Version, "--configfile", feed.NuGetConfig);
        output.WriteLine($"dotnet tool install: {install.Elapsed.TotalSeconds:F1} s");
        install.Ok("dotnet tool install Stratus.Cli");

        var stratus = Path.Combine(tools, OperatingSystem.IsWindows() ? "stratus.exe" : "stratus");
        Assert.True(File.Exists(stratus), $"no {stratus} after the install:\n{install.Output}");
        var version = await Dotnet.RunProgramAsync(stratus, packed.Root, null, "--version");
        version.Ok("stratus --version");
        Assert.StartsWith($"stratus/{feed.Version} ", version.Output, StringComparison.Ordinal);

        var help = await Dotnet.RunProgramAsync(stratus, packed.Root, null, "help");
        help.Ok("stratus help");
        Assert.Contains("dynamodb", help.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVer();
}
