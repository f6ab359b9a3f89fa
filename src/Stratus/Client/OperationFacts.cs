using System.Text.Json;
using Stratus.Models;

namespace Stratus.Client;

/// <summary>
/// What a call needs to know about its operation's model that does not change between calls, worked out
/// on the first call instead of scanning the input shape on each one.
/// </summary>
internal sealed class OperationFacts
{
    private static readonly object True = true;
    private static readonly object False = false;

    internal OperationFacts(OperationModel operation)
    {
        var idempotency = new List<string>();
        var bucketLabels = new List<string>();
        var contextParams = new List<(string, string)>();
        if (operation.Input is { } shape)
        {
            foreach (var (name, member) in shape.Members)
            {
                if (member.IdempotencyToken)
                {
                    idempotency.Add(member.MemberName!);
                }
                if (member is { ContextParam: "Bucket", Location: "uri" })
                {
                    bucketLabels.Add(name);
                }
                if (member.ContextParam is { } param)
                {
                    contextParams.Add((name, param));
                }
            }
        }
        IdempotencyMembers = [.. idempotency];
        BucketLabelMembers = [.. bucketLabels];
        ContextParams = [.. contextParams];
        StaticContextParams = Statics(operation);
        NoAuth = operation.Auth.Count > 0 && operation.Auth.All(a => a == "smithy.api#noAuth");
    }

    /// <summary>The input members that are idempotency tokens, by member name.</summary>
    internal string[] IdempotencyMembers { get; }

    /// <summary>The input members bound to the <c>Bucket</c> endpoint parameter and sent as a URI label, in model order.</summary>
    internal string[] BucketLabelMembers { get; }

    /// <summary>The input members bound to endpoint parameters (member, parameter), in model order.</summary>
    internal (string Member, string Param)[] ContextParams { get; }

    /// <summary>The operation's static endpoint parameters: a boxed bool, a string or a string array, in model order.</summary>
    internal (string Name, object Value)[] StaticContextParams { get; }

    /// <summary>Whether the operation's auth schemes are all <c>smithy.api#noAuth</c>.</summary>
    internal bool NoAuth { get; }

    private static (string, object)[] Statics(OperationModel operation)
    {
        if (operation.StaticContextParams is not { } statics)
        {
            return [];
        }
        var result = new List<(string, object)>();
        foreach (var sp in statics.EnumerateObject())
        {
            if (sp.Value.TryGetProperty("value", out var v))
            {
                switch (v.ValueKind)
                {
                    case JsonValueKind.True or JsonValueKind.False:
                        result.Add((sp.Name, v.GetBoolean() ? True : False));
                        break;
                    case JsonValueKind.String:
                        result.Add((sp.Name, v.GetString()!));
                        break;
                    case JsonValueKind.Array:
                        result.Add((sp.Name, v.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()));
                        break;
                }
            }
        }
        return [.. result];
    }
}
