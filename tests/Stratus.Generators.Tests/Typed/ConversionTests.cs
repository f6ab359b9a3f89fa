using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Generators.Tests.Edge;

namespace Stratus.Generators.Tests.Typed;

/// <summary>The edge-case model's generated records: native data in and out, enums, printing.</summary>
public class ConversionTests
{
    [Fact]
    public void A_record_writes_native_data_and_reads_it_back()
    {
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var input = new Namespace
        {
            Object = "o",
            Count = 3,
            Event = Color.T2Micro,
            NativeValue = "not the Native property",
            Secret = "hunter2",
            Matrix = [[1, 2], [3]],
            Tags = new Dictionary<string, Color> { ["a"] = Color.Red, ["b"] = "purple" },
            Payload = [1, 2, 3],
            When = when,
            Ratio = 0.5,
            Flag = true,
            Big = long.MaxValue,
            Client = new EdgeCasesClientShape { Id = "c" },
            Doc = new JsonObject { ["free"] = new JsonArray(1, "two") },
        };

        var native = input.ToNative();
        Assert.Equal("o", native["object"]!.GetValue<string>());
        Assert.Equal("t2.micro", native["event"]!.GetValue<string>());
        Assert.Equal("not the Native property", native["Native"]!.GetValue<string>());
        Assert.Equal("purple", native["Tags"]!["b"]!.GetValue<string>());
        Assert.Equal(when, native["When"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new byte[] { 1, 2, 3 }, native["Payload"]!.GetValue<byte[]>());
        Assert.False(native.ContainsKey("namespace"));   // an absent member is not written

        var back = Namespace.FromNative(native);
        Assert.Same(native, back.Native);
        Assert.Equal("o", back.Object);
        Assert.Equal(3, back.Count);
        Assert.Equal(Color.T2Micro, back.Event);
        Assert.Equal([[1, 2], [3]], back.Matrix!.Select(r => r.ToArray()));
        Assert.Equal(Color.Red, back.Tags!["a"]);
        Assert.Equal("purple", back.Tags["b"].Value);
        Assert.False(back.Tags["b"].IsKnown);
        Assert.True(back.Tags["a"].IsKnown);
        Assert.Equal(new byte[] { 1, 2, 3 }, back.Payload);
        Assert.Equal(when, back.When);
        Assert.Equal(0.5, back.Ratio);
        Assert.True(back.Flag);
        Assert.Equal(long.MaxValue, back.Big);
        Assert.Equal("c", back.Client!.Id);
        Assert.Equal("two", back.Doc!["free"]![1]!.GetValue<string>());
        Assert.Null(back.NamespaceValue);   // member "namespace" in record "namespace"
    }

    [Fact]
    public void Recursive_shapes_read_to_any_depth()
    {
        var native = new JsonObject
        {
            ["Value"] = "root",
            ["Children"] = new JsonArray(new JsonObject { ["Value"] = "child", ["Children"] = new JsonArray(new JsonObject { ["Value"] = "grandchild", ["Node"] = "red" }) }),
        };

        var root = Node.FromNative(native);

        var grandchild = root.Children![0].Children![0];
        Assert.Equal("grandchild", grandchild.Value);
        Assert.Equal(Color.Red, grandchild.NodeValue);
        Assert.Equal("child", root.Children[0].Value);
    }

    [Fact]
    public void A_missing_required_member_is_a_client_exception_naming_it()
    {
        var e = Assert.Throws<ClientException>(() => Namespace.FromNative(new JsonObject { ["Count"] = 1 }));
        Assert.Equal(ClientErrorKind.UnreadableResponse, e.Kind);
        Assert.Contains("namespace.object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_leaves_out_secrets_and_the_native_data()
    {
        var value = Namespace.FromNative(new JsonObject { ["object"] = "o", ["Count"] = 1, ["Secret"] = "hunter2", ["Matrix"] = new JsonArray(new JsonArray(1)) });

        var text = value.ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("Secret = (sensitive)", text, StringComparison.Ordinal);
        Assert.Contains("Object = o", text, StringComparison.Ordinal);
        Assert.Contains("Matrix = [1 items]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Native =", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_keep_the_services_spelling_and_unknown_values_round_trip()
    {
        Assert.Equal("t2.micro", Color.T2Micro.Value);
        Assert.Equal("STANDARD_IA", Color.StandardIa.ToString());
        Assert.Equal("a-b", Color.AB.Value);
        Assert.Equal("a_b", Color.ABValue.Value);
        Assert.Equal("", Color.Empty.Value);
        Assert.Equal("Value", Color.ValueValue.Value);
        Assert.Equal(8, Color.KnownValues.Count);
        Color unknown = "ultraviolet";
        Assert.False(unknown.IsKnown);
        Assert.Equal(new Color("ultraviolet"), unknown);
    }

    [Fact]
    public void A_modeled_error_reads_its_members_from_the_error_document()
    {
        var untyped = new ServiceException("edge", "class", 400, "BoomCode", "it broke", "req-1", new JsonObject { ["Reason"] = "fuse", ["StatusCode"] = 7 }, isRetryable: false);

        var typed = new BoomException(untyped);

        Assert.Equal("fuse", typed.Reason);
        Assert.Equal(7, typed.StatusCodeValue);
        Assert.Equal(400, typed.StatusCode);
        Assert.Equal("it broke", typed.ErrorMessage);
        Assert.Equal("req-1", typed.RequestId);
        Assert.Equal("Boom", typed.ErrorShape);
        Assert.Equal("edge", typed.Service);
    }
}
