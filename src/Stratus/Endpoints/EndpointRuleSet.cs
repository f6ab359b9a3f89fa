using System.Collections.Frozen;
using System.Text.Json;
using Stratus.Endpoints.Rules;

namespace Stratus.Endpoints;

/// <summary>
/// A Smithy endpoint rule set (<c>endpoint-rule-set-1.json</c>, version 1.x) compiled for resolution: load it once
/// per service, then call <see cref="Resolve"/> for every request. Results are cached per distinct set of parameter
/// values (a bounded cache). Immutable apart from the cache and safe to share across threads.
/// </summary>
public sealed class EndpointRuleSet
{
    /// <summary>How many distinct parameter sets are cached by default.</summary>
    public const int DefaultCacheCapacity = 512;

    private readonly EndpointParameter[] _parameters;
    private readonly FrozenDictionary<string, int> _slots;
    private readonly RuleNode[] _rules;
    private readonly int _slotCount;
    private readonly ResolutionCache _cache;

    private EndpointRuleSet(string version, EndpointParameter[] parameters, RuleNode[] rules, int slotCount, int cacheCapacity)
    {
        Version = version;
        _parameters = parameters;
        _slots = parameters.Select((p, i) => KeyValuePair.Create(p.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _rules = rules;
        _slotCount = slotCount;
        _cache = new ResolutionCache(cacheCapacity);
    }

    /// <summary>The rule-set format version, for example <c>1.0</c>.</summary>
    public string Version { get; }

    /// <summary>The declared parameters, in document order.</summary>
    public IReadOnlyList<EndpointParameter> Parameters => _parameters;

    /// <summary>Compiles a rule set.</summary>
    /// <param name="ruleSet">The parsed <c>endpoint-rule-set-1.json</c> (its root element).</param>
    /// <param name="partitions">The partitions <c>aws.partition</c> looks regions up in.</param>
    /// <param name="cacheCapacity">How many distinct parameter sets to cache; 0 disables the cache.</param>
    /// <exception cref="InvalidDataException">The rule set is malformed, uses an unknown function or refers to an unknown variable.</exception>
    public static EndpointRuleSet Load(JsonElement ruleSet, Partitions partitions, int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (ruleSet.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("An endpoint rule set must be a JSON object.");
        }
        var version = ruleSet.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "1.0";
        if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Unsupported endpoint rule-set version '{version}'.");
        }
        var compiler = new RuleCompiler(partitions);
        var parameters = compiler.CompileParameters(ruleSet);
        var rules = compiler.CompileRules(ruleSet, parameters);
        return new EndpointRuleSet(version, parameters, rules, compiler.SlotCount, cacheCapacity);
    }

    /// <summary>Resolves the endpoint for a set of parameter values.</summary>
    /// <exception cref="EndpointResolutionException">
    /// An error rule matched (the message is the rule's), no rule matched, or a parameter is missing or of the wrong type.
    /// </exception>
    public Endpoint Resolve(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // Walk the values the caller set (usually a few), not every declared parameter; names the rule set does not declare are ignored.
        var values = new object?[_parameters.Length];
        foreach (var (name, value) in parameters.Values)
        {
            if (_slots.TryGetValue(name, out var slot))
            {
                SetSlot(values, slot, value);
            }
        }
        return ResolveSlots(values);
    }

    /// <summary>The number of declared parameters: the length of a slot array.</summary>
    internal int ParameterCount => _parameters.Length;

    /// <summary>The slot of a declared parameter, or -1 when the rule set does not declare it.</summary>
    internal int SlotOf(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;

    /// <summary>Sets a slot to a value as <see cref="EndpointParameters"/> holds it (a string, a bool or a string array), checking its type.</summary>
    /// <exception cref="EndpointResolutionException">The value is not of the parameter's type.</exception>
    internal void SetSlot(object?[] values, int slot, object value)
    {
        var declared = _parameters[slot];
        if (!declared.Accepts(value))
        {
            throw new EndpointResolutionException($"Endpoint parameter '{declared.Name}' must be a {declared.Type}, not {value.GetType().Name}.");
        }
        values[slot] = value is bool b ? RuleValues.Box(b) : value;
    }

    /// <summary>
    /// Resolves from values in slot order (declared parameters only, set through <see cref="SetSlot"/>); unset slots
    /// take their defaults in place. The array is kept by the cache: pass one nobody changes afterwards.
    /// </summary>
    internal Endpoint ResolveSlots(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                var declared = _parameters[i];
                values[i] = declared.Default;
                if (declared.Required && values[i] is null)
                {
                    throw new EndpointResolutionException($"Missing required endpoint parameter '{declared.Name}'.");
                }
            }
        }
        if (!_cache.TryGet(values, out var resolution))
        {
            var scope = new object?[_slotCount];
            values.CopyTo(scope, 0);
            resolution = TreeRuleNode.EvaluateRules(_rules, scope);
            _cache.Add(values, resolution);
        }
        return resolution.Endpoint ?? throw new EndpointResolutionException(resolution.Error!);
    }
}
