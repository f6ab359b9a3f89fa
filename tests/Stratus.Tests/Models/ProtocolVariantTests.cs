using Stratus.AwsModels;
using Stratus.Models;
using Xunit.Abstractions;

namespace Stratus.Tests.Models;

/// <summary>Protocol variants: SQS's query model beside its JSON model, and variants in user directories.</summary>
public sealed class ProtocolVariantTests(ITestOutputHelper output)
{
    private static ModelLoader NewLoader() => new([], includeEnvironment: false);

    [Fact]
    public void The_bundle_lists_sqs_query_as_a_variant_not_a_service()
    {
        Assert.DoesNotContain("sqs@query", AwsModelBundle.ServiceNames);
        Assert.False(AwsModelBundle.Contains("sqs@query"));
        Assert.Null(AwsModelBundle.OpenService("sqs@query"));
        Assert.Equal(["query"], AwsModelBundle.VariantsOf("sqs"));
        Assert.Empty(AwsModelBundle.VariantsOf("dynamodb"));
        var info = Assert.Single(AwsModelBundle.Variants, v => v.Name == "sqs");
        Assert.Equal("query", info.Variant);
        Assert.Equal("query", info.Protocol);
        Assert.Equal("2012-11-05", info.ApiVersion);
        Assert.StartsWith("1.29.", info.BotocoreVersion, StringComparison.Ordinal);
        Assert.Equal(["service", "paginators"], info.Documents);
        Assert.Same(info, AwsModelBundle.GetVariantInfo("sqs", "query"));
        Assert.Null(AwsModelBundle.GetVariantInfo("sqs", "json"));
        Assert.Null(AwsModelBundle.OpenVariant("sqs", "ec2"));
        using var stream = AwsModelBundle.OpenVariant("sqs", "query");
        Assert.NotNull(stream);
    }

    [Fact]
    public void The_query_variant_loads_lazily_and_is_cached()
    {
        var loader = NewLoader();
        Assert.Equal(0, loader.LoadCount);
        Assert.Equal(["json", "query"], loader.ProtocolsOf("sqs"));
        Assert.Equal(0, loader.LoadCount); // the index is enough

        var query = loader.LoadService("sqs", "query");
        Assert.Equal(1, loader.LoadCount);
        Assert.Same(query, loader.LoadService("sqs", "query"));
        Assert.Equal(1, loader.LoadCount);
        Assert.False(loader.IsLoaded("sqs")); // the main model is not read for the variant

        Assert.Equal("sqs", query.Name);
        Assert.Equal("query", query.Metadata.Protocol);
        Assert.Equal("http://queue.amazonaws.com/doc/2012-11-05/", query.Metadata.XmlNamespace);
        Assert.Null(query.Metadata.TargetPrefix);
    }

    [Fact]
    public void The_main_model_serves_its_own_protocol_and_others_throw()
    {
        var loader = NewLoader();
        Assert.Same(loader.LoadService("sqs"), loader.LoadService("sqs", "json"));
        Assert.Equal("json", loader.LoadService("sqs").Metadata.Protocol);
        Assert.Equal(["json"], loader.ProtocolsOf("dynamodb"));

        var e = Assert.Throws<KeyNotFoundException>(() => loader.LoadService("sqs", "rest-xml"));
        Assert.Contains("'sqs'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'rest-xml'", e.Message, StringComparison.Ordinal);
        Assert.Contains("json, query", e.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => loader.LoadService("dynamodb", "query"));
        Assert.Throws<KeyNotFoundException>(() => loader.LoadService("no-such-service", "query"));
        Assert.Throws<KeyNotFoundException>(() => loader.ProtocolsOf("no-such-service"));
    }

    [Fact]
    public void The_query_variant_has_the_query_wire_traits()
    {
        var query = NewLoader().LoadService("sqs", "query");

        var send = query.GetOperation("SendMessage");
        Assert.Equal("SendMessageResult", send.Definition.GetProperty("output").GetProperty("resultWrapper").GetString());
        var attributes = send.Input!.Members["MessageAttributes"];
        Assert.Equal("MessageAttribute", attributes.LocationName);
        Assert.True(attributes.Flattened);
        Assert.Equal("Name", attributes.Key.LocationName);
        Assert.Equal("Value", attributes.Value.LocationName);

        var messages = query.GetOperation("ReceiveMessage").Output!.Members["Messages"];
        Assert.True(messages.Flattened);
        Assert.Equal("Message", messages.Member.LocationName);

        var missing = Assert.Single(query.GetOperation("GetQueueUrl").Errors, e => e.Name == "QueueDoesNotExist");
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", missing.Error!.Code);

        var operations = query.OperationNames.Select(query.GetOperation).ToArray();
        Assert.All(operations.Where(o => o.Output is not null), o =>
            Assert.True(o.Definition.GetProperty("output").TryGetProperty("resultWrapper", out _), $"{o.Name} has no resultWrapper"));
    }

    /// <summary>
    /// Every operation the two models share has the same input and output member names, all the way
    /// down (structures, list members, map values): nothing was renamed or dropped. The newer JSON model
    /// only added: three operations and one ReceiveMessage member (both listed, so a change is noticed).
    /// </summary>
    [Fact]
    public void The_query_and_json_models_share_operation_and_member_names()
    {
        var loader = NewLoader();
        var json = loader.LoadService("sqs");
        var query = loader.LoadService("sqs", "query");
        var jsonOps = json.OperationNames.ToHashSet(StringComparer.Ordinal);
        var queryOps = query.OperationNames.ToHashSet(StringComparer.Ordinal);
        var shared = jsonOps.Intersect(queryOps).Order(StringComparer.Ordinal).ToArray();
        output.WriteLine($"shared operations ({shared.Length}): {string.Join(", ", shared)}");
        output.WriteLine($"only in the JSON model: {string.Join(", ", jsonOps.Except(queryOps).Order(StringComparer.Ordinal))}");
        output.WriteLine($"only in the query model: {string.Join(", ", queryOps.Except(jsonOps).Order(StringComparer.Ordinal))}");
        Assert.Empty(queryOps.Except(jsonOps)); // the query model is older: everything in it survives in the JSON model
        Assert.Equal(["CancelMessageMoveTask", "ListMessageMoveTasks", "StartMessageMoveTask"], jsonOps.Except(queryOps).Order(StringComparer.Ordinal));
        Assert.True(shared.Length >= 20, $"only {shared.Length} shared operations");

        var differences = new List<string>();
        foreach (var name in shared)
        {
            var (a, b) = (json.GetOperation(name), query.GetOperation(name));
            Compare($"{name} input", a.Input, b.Input, differences, []);
            Compare($"{name} output", a.Output, b.Output, differences, []);
        }
        foreach (var d in differences)
        {
            output.WriteLine(d);
        }
        Assert.Equal(["ReceiveMessage input.MessageSystemAttributeNames: present in JSON, absent in query"], differences);
    }

    [Fact]
    public void A_user_directory_supplies_variants_by_metadata_protocol()
    {
        using var dir = new TempModelDirectory()
            .Add("pv-svc", "2019-01-01", "service-2.json", TempModelDirectory.Service("query", "2019-01-01", "OldQuery"))
            .Add("pv-svc", "2024-01-01", "service-2.json", TempModelDirectory.Service("json", "2024-01-01", "NewJson"));
        var loader = new ModelLoader([dir.Path], includeEnvironment: false);

        Assert.Equal(["json", "query"], loader.ProtocolsOf("pv-svc"));
        Assert.Equal(["NewJson"], loader.LoadService("pv-svc").OperationNames);
        Assert.Same(loader.LoadService("pv-svc"), loader.LoadService("pv-svc", "json"));
        var query = loader.LoadService("pv-svc", "query");
        Assert.Equal(["OldQuery"], query.OperationNames);
        Assert.Equal("query", query.Metadata.Protocol);
        Assert.DoesNotContain("pv-svc@query", loader.ServiceNames);
        Assert.Throws<KeyNotFoundException>(() => loader.LoadService("pv-svc", "ec2"));

        // A user's SQS override that speaks only JSON still finds the bundle's query variant.
        using var sqs = new TempModelDirectory()
            .Add("sqs", "2012-11-05", "service-2.json", TempModelDirectory.Service("json", "2012-11-05", "SendMessage"));
        var overridden = new ModelLoader([sqs.Path], includeEnvironment: false);
        Assert.Equal(["json", "query"], overridden.ProtocolsOf("sqs"));
        Assert.Equal(["SendMessage"], overridden.LoadService("sqs", "json").OperationNames);
        Assert.Equal("query", overridden.LoadService("sqs", "query").Metadata.Protocol);
    }

    private static void Compare(string path, Shape? a, Shape? b, List<string> differences, HashSet<string> seen)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                differences.Add($"{path}: {(a is null ? "absent" : "present")} in JSON, {(b is null ? "absent" : "present")} in query");
            }
            return;
        }
        if (a.Type != b.Type)
        {
            differences.Add($"{path}: {a.Type} in JSON, {b.Type} in query");
            return;
        }
        if (!seen.Add(a.Name + "|" + b.Name))
        {
            return; // recursive shapes
        }
        switch (a.Type)
        {
            case ShapeType.Structure:
                var names = a.Members.Keys.Union(b.Members.Keys, StringComparer.Ordinal);
                foreach (var member in names)
                {
                    Compare($"{path}.{member}", a.Members.GetValueOrDefault(member), b.Members.GetValueOrDefault(member), differences, seen);
                }
                break;
            case ShapeType.List:
                Compare(path + "[]", a.Member, b.Member, differences, seen);
                break;
            case ShapeType.Map:
                Compare(path + "{}", a.Value, b.Value, differences, seen);
                break;
        }
    }
}
