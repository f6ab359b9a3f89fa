using System.Text.Json;

namespace Stratus.Endpoints.Rules;

/// <summary>
/// Compiles an <c>endpoint-rule-set-1.json</c> document into rule nodes, once. Every variable (parameter or
/// <c>assign</c>) gets a slot in a per-resolution array; references are resolved to slots here, respecting the
/// lexical scope of assignments, so resolution does no name lookups and no JSON walking.
/// </summary>
internal sealed class RuleCompiler(Partitions partitions)
{
    private int _slots;

    /// <summary>The number of slots the compiled rules use (parameters first).</summary>
    public int SlotCount => _slots;

    /// <summary>Reads the parameter declarations, in document order; they take the first slots.</summary>
    public EndpointParameter[] CompileParameters(JsonElement ruleSet)
    {
        if (!ruleSet.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var result = new List<EndpointParameter>();
        foreach (var p in parameters.EnumerateObject())
        {
            var typeName = Str(p.Value, "type") ?? throw new InvalidDataException($"Parameter '{p.Name}' has no type.");
            var type = typeName.ToLowerInvariant() switch
            {
                "string" => EndpointParameterType.String,
                "boolean" => EndpointParameterType.Boolean,
                "stringarray" => EndpointParameterType.StringArray,
                _ => throw new InvalidDataException($"Parameter '{p.Name}' has the unknown type '{typeName}'."),
            };
            object? defaultValue = p.Value.TryGetProperty("default", out var d) ? ReadValue(d, p.Name) : null;
            if (defaultValue is not null && !new EndpointParameter(p.Name, type, null, null, false, null).Accepts(defaultValue))
            {
                throw new InvalidDataException($"Parameter '{p.Name}' has a default of the wrong type.");
            }
            result.Add(new EndpointParameter(p.Name, type, Str(p.Value, "builtIn"), defaultValue,
                p.Value.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True, Str(p.Value, "documentation")));
        }
        _slots = result.Count;
        return [.. result];
    }

    /// <summary>Compiles the top-level rules; <paramref name="parameters"/> are the declarations from <see cref="CompileParameters"/>.</summary>
    public RuleNode[] CompileRules(JsonElement ruleSet, EndpointParameter[] parameters)
    {
        var scope = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Length; i++)
        {
            scope[parameters[i].Name] = i;
        }
        return CompileRuleList(ruleSet, scope);
    }

    private RuleNode[] CompileRuleList(JsonElement owner, Dictionary<string, int> scope) =>
        owner.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            ? rules.EnumerateArray().Select(r => CompileRule(r, scope)).ToArray()
            : throw new InvalidDataException("A rule set or tree rule has no 'rules'.");

    private RuleNode CompileRule(JsonElement rule, Dictionary<string, int> outer)
    {
        var scope = new Dictionary<string, int>(outer, StringComparer.Ordinal);
        var conditions = new List<Condition>();
        if (rule.TryGetProperty("conditions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var condition in list.EnumerateArray())
            {
                var expr = CompileFunction(condition, scope);
                var slot = -1;
                if (Str(condition, "assign") is { } name)
                {
                    if (scope.ContainsKey(name))
                    {
                        throw new InvalidDataException($"'{name}' is assigned twice in the same scope.");
                    }
                    slot = _slots++;
                    scope[name] = slot;
                }
                conditions.Add(new Condition(expr, slot));
            }
        }
        var type = Str(rule, "type");
        switch (type)
        {
            case "endpoint":
                if (!rule.TryGetProperty("endpoint", out var endpoint) || !endpoint.TryGetProperty("url", out var url))
                {
                    throw new InvalidDataException("An endpoint rule has no 'endpoint.url'.");
                }
                var properties = endpoint.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.EnumerateObject().Any()
                    ? PropertyNode.Compile(p, s => CompileTemplate(s, scope))
                    : null;
                var headers = endpoint.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
                    ? h.EnumerateObject().Select(e => (e.Name, e.Value.EnumerateArray().Select(v => CompileValue(v, scope)).ToArray())).ToArray()
                    : [];
                return new EndpointRuleNode([.. conditions], CompileValue(url, scope), properties, headers);
            case "error":
                return new ErrorRuleNode([.. conditions], rule.TryGetProperty("error", out var error)
                    ? CompileValue(error, scope)
                    : throw new InvalidDataException("An error rule has no 'error'."));
            case "tree":
                return new TreeRuleNode([.. conditions], CompileRuleList(rule, scope));
            default:
                throw new InvalidDataException($"Unknown rule type '{type}'.");
        }
    }

    private Expr CompileValue(JsonElement value, Dictionary<string, int> scope)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return CompileTemplate(value.GetString()!, scope);
            case JsonValueKind.True or JsonValueKind.False:
                return new LiteralExpr(RuleValues.Box(value.GetBoolean()));
            case JsonValueKind.Number when value.TryGetInt32(out var number):
                return new LiteralExpr(number);
            case JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                return new LiteralExpr(value.EnumerateArray().Select(e => e.GetString()!).ToArray());
            case JsonValueKind.Object when Str(value, "ref") is { } name:
                return new RefExpr(Lookup(name, scope));
            case JsonValueKind.Object when value.TryGetProperty("fn", out _):
                return CompileFunction(value, scope);
            default:
                throw new InvalidDataException($"Unsupported rule-set value: {value.GetRawText()}");
        }
    }

    private static Expr CompileTemplate(string template, Dictionary<string, int> scope) =>
        TemplateExpr.Compile(template, name => new RefExpr(Lookup(name, scope)));

    private Expr CompileFunction(JsonElement call, Dictionary<string, int> scope)
    {
        var name = Str(call, "fn") ?? throw new InvalidDataException($"Not a function call: {call.GetRawText()}");
        var args = call.TryGetProperty("argv", out var argv) && argv.ValueKind == JsonValueKind.Array
            ? argv.EnumerateArray().ToArray()
            : [];
        if (name == "getAttr")
        {
            if (args.Length != 2 || args[1].ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException("getAttr takes a value and a literal path.");
            }
            return new GetAttrExpr(CompileValue(args[0], scope), AttrPath.Parse(args[1].GetString()!));
        }
        if (!StandardFunctions.TryGet(name, out var function, out var min, out var max) && !AwsFunctions.TryGet(name, partitions, out function, out min, out max))
        {
            throw new InvalidDataException($"Unknown rule-set function '{name}'.");
        }
        if (args.Length < min || args.Length > max)
        {
            throw new InvalidDataException($"Function '{name}' takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"at least {min}")} arguments, not {args.Length}.");
        }
        return new CallExpr(function, args.Select(a => CompileValue(a, scope)).ToArray());
    }

    private static int Lookup(string name, Dictionary<string, int> scope) =>
        scope.TryGetValue(name, out var slot) ? slot : throw new InvalidDataException($"Reference to '{name}', which is not a parameter or an assigned variable in scope.");

    private static object? ReadValue(JsonElement value, string parameter) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True or JsonValueKind.False => RuleValues.Box(value.GetBoolean()),
        JsonValueKind.Array => value.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException($"Parameter '{parameter}': a string array holds a non-string.")).ToArray(),
        _ => throw new InvalidDataException($"Parameter '{parameter}' has an unsupported default."),
    };

    private static string? Str(JsonElement o, string key) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
