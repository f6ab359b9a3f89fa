using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Ec2;

/// <summary>Reads members of an operation's native input (keyed by the EC2 model's member names).</summary>
internal static class Ec2Input
{
    /// <summary>Answers <c>DryRunOperation</c> when the input sets DryRun: the request would have succeeded.</summary>
    public static void CheckDryRun(JsonObject input)
    {
        if (Boolean(input, "DryRun"))
        {
            throw Ec2Errors.DryRun();
        }
    }

    public static string? String(JsonObject input, string name) =>
        NativeValues.TryGetString(input[name], out var value) ? value : input[name] is JsonValue v ? v.ToJsonString() : null;

    /// <summary>A string member that must be present and non-empty (<c>MissingParameter</c> otherwise).</summary>
    public static string RequiredString(JsonObject input, string name) =>
        String(input, name) is { Length: > 0 } value ? value : throw Ec2Errors.Missing(name);

    public static long? Integer(JsonObject input, string name)
    {
        if (input[name] is null)
        {
            return null;
        }
        return NativeValues.TryGetInt64(input[name], out var value)
            ? value
            : throw Ec2Errors.InvalidValue($"Invalid value '{input[name]!.ToJsonString()}' for {name}.");
    }

    public static bool Boolean(JsonObject input, string name) =>
        NativeValues.TryGetBoolean(input[name], out var value) && value;

    public static bool? OptionalBoolean(JsonObject input, string name) =>
        NativeValues.TryGetBoolean(input[name], out var value) ? value : null;

    /// <summary>A list of strings (a single string counts as a list of one).</summary>
    public static List<string> Strings(JsonObject input, string name)
    {
        var result = new List<string>();
        switch (input[name])
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (NativeValues.TryGetString(item, out var s))
                    {
                        result.Add(s);
                    }
                    else if (item is JsonValue v)
                    {
                        result.Add(v.ToJsonString());
                    }
                }
                break;
            case JsonValue single when NativeValues.TryGetString(single, out var s):
                result.Add(s);
                break;
        }
        return result;
    }

    /// <summary>A list of structures; anything else in the list is ignored.</summary>
    public static List<JsonObject> Objects(JsonObject input, string name) =>
        input[name] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    public static JsonObject? Object(JsonObject input, string name) => input[name] as JsonObject;
}
