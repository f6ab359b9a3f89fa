namespace Stratus.Endpoints.Rules;

/// <summary>A rule of type <c>endpoint</c>: builds the URL, properties and headers from the current variables.</summary>
internal sealed class EndpointRuleNode : RuleNode
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();

    private readonly Expr _url;
    private readonly PropertyNode? _properties;
    private readonly IReadOnlyDictionary<string, System.Text.Json.JsonElement>? _constantProperties;
    private readonly (string Name, Expr[] Values)[] _headers;

    public EndpointRuleNode(Condition[] conditions, Expr url, PropertyNode? properties, (string Name, Expr[] Values)[] headers)
        : base(conditions)
    {
        _url = url;
        _headers = headers;
        if (properties is null || properties.IsConstant)
        {
            _constantProperties = properties is null ? Endpoint.NoProperties : PropertyNode.Evaluate(properties, []);
        }
        else
        {
            _properties = properties;
        }
    }

    protected override Resolution Outcome(object?[] scope)
    {
        if (_url.Evaluate(scope) is not string url)
        {
            return Resolution.Failure("Endpoint resolution failed: the endpoint URL evaluated to nothing.");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Resolution.Failure($"Endpoint resolution failed: '{url}' is not a valid absolute URL.");
        }
        var properties = _constantProperties ?? PropertyNode.Evaluate(_properties!, scope);
        var headers = NoHeaders;
        if (_headers.Length > 0)
        {
            var map = new Dictionary<string, IReadOnlyList<string>>(_headers.Length, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in _headers)
            {
                map[name] = Array.AsReadOnly(Array.ConvertAll(values, v => RuleValues.ToText(v.Evaluate(scope))));
            }
            headers = new System.Collections.ObjectModel.ReadOnlyDictionary<string, IReadOnlyList<string>>(map);
        }
        return Resolution.Success(new Endpoint(uri, properties, headers));
    }
}
