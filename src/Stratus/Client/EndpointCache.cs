using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Stratus.Endpoints;
using Stratus.Endpoints.Rules;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>
/// A client's resolved endpoints by endpoint parameter values (for S3: chiefly the bucket; the built-ins come
/// from the options and rarely change). The values are bound straight into a per-thread slot array, as
/// <see cref="EndpointBinder.Bind"/> would bind them, and looked up: a call whose values were seen before
/// allocates nothing for its endpoint. Bounded: past <see cref="Capacity"/> distinct sets it starts over, so
/// unbounded distinct buckets keep memory flat. Thread-safe.
/// </summary>
internal sealed class EndpointCache(EndpointRuleSet rules, ServiceModel model, string region)
{
    /// <summary>How many distinct parameter sets a client keeps.</summary>
    public const int Capacity = 128;

    private readonly ConcurrentDictionary<object?[], ResolvedEndpoint> _entries = new(ResolutionCache.ValuesComparer.Instance);
    private readonly (int Slot, string BuiltIn)[] _builtIns = BuiltIns(rules);
    private int _count;

    [ThreadStatic]
    private static object?[]? t_scratch;

    /// <summary>Resolves where a call goes.</summary>
    /// <exception cref="EndpointResolutionException">The rules gave an error, or a parameter is missing or of the wrong type.</exception>
    public ResolvedEndpoint Resolve(ClientOptions options, OperationModel? operation, JsonObject? input)
    {
        var scratch = t_scratch;
        if (scratch is null || scratch.Length != rules.ParameterCount)
        {
            t_scratch = scratch = new object?[rules.ParameterCount];
        }
        else
        {
            Array.Clear(scratch);
        }
        Bind(options, operation, input, scratch);
        if (_entries.TryGetValue(scratch, out var resolved))
        {
            return resolved;
        }
        // The key is a copy: the scratch array is reused by the thread's next call.
        var key = (object?[])scratch.Clone();
        resolved = EndpointBinder.ToResolved(rules.ResolveSlots((object?[])scratch.Clone()), model, region);
        if (_entries.TryAdd(key, resolved) && Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Exchange(ref _count, 0);
            _entries.Clear();
        }
        return resolved;
    }

    // What EndpointBinder.Bind sets, in the same order (later settings override earlier ones), into slots.
    private void Bind(ClientOptions options, OperationModel? operation, JsonObject? input, object?[] slots)
    {
        foreach (var (slot, builtIn) in _builtIns)
        {
            switch (builtIn)
            {
                case "AWS::Region":
                    rules.SetSlot(slots, slot, region);
                    break;
                case "AWS::UseFIPS":
                    rules.SetSlot(slots, slot, RuleValues.Box(options.UseFips));
                    break;
                case "AWS::UseDualStack":
                    rules.SetSlot(slots, slot, RuleValues.Box(options.UseDualStack));
                    break;
                case "SDK::Endpoint":
                    if (options.EndpointUrl is { } url)
                    {
                        rules.SetSlot(slots, slot, url.OriginalString.TrimEnd('/'));
                    }
                    break;
                case "AWS::S3::ForcePathStyle":
                    rules.SetSlot(slots, slot, RuleValues.Box(options.ForcePathStyle ?? options.EndpointUrl is not null));
                    break;
                default: // AWS::S3::UseGlobalEndpoint, AWS::STS::UseGlobalEndpoint
                    rules.SetSlot(slots, slot, RuleValues.False);
                    break;
            }
        }
        if (operation is null)
        {
            return;
        }
        var facts = operation.Facts;
        foreach (var (name, value) in facts.StaticContextParams)
        {
            if (rules.SlotOf(name) is var slot and >= 0)
            {
                // A string array is the operation's own, never changed, so it can be a cache key as it is.
                rules.SetSlot(slots, slot, value);
            }
        }
        if (input is null)
        {
            return;
        }
        foreach (var (name, param) in facts.ContextParams)
        {
            if (input[name] is JsonValue value && rules.SlotOf(param) is var slot and >= 0)
            {
                if (NativeValues.TryGetString(value, out var s))
                {
                    rules.SetSlot(slots, slot, s);
                }
                else if (NativeValues.TryGetBoolean(value, out var b))
                {
                    rules.SetSlot(slots, slot, RuleValues.Box(b));
                }
            }
        }
    }

    private static (int, string)[] BuiltIns(EndpointRuleSet rules)
    {
        var result = new List<(int, string)>();
        for (var i = 0; i < rules.Parameters.Count; i++)
        {
            if (rules.Parameters[i].BuiltIn is "AWS::Region" or "AWS::UseFIPS" or "AWS::UseDualStack" or "SDK::Endpoint"
                or "AWS::S3::ForcePathStyle" or "AWS::S3::UseGlobalEndpoint" or "AWS::STS::UseGlobalEndpoint")
            {
                result.Add((i, rules.Parameters[i].BuiltIn!));
            }
        }
        return [.. result];
    }
}
