using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Endpoints;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>
/// Binds a call to the service's endpoint rules: built-ins from the client's options (region, FIPS,
/// dual-stack, custom endpoint, path style), context parameters from the input, static parameters from
/// the operation. The rule set is compiled once per service and model source; results are cached by the engine.
/// </summary>
internal static class EndpointBinder
{
    private static readonly ConcurrentDictionary<(ModelLoader, string), Lazy<EndpointRuleSet?>> RuleSets = new();
    private static readonly ConcurrentDictionary<ModelLoader, Lazy<Partitions>> PartitionSets = new();

    public static EndpointRuleSet? RuleSet(ModelLoader models, string service) =>
        RuleSets.GetOrAdd((models, service), key => new Lazy<EndpointRuleSet?>(() =>
            key.Item1.LoadRuleSet(key.Item2) is { } rules ? EndpointRuleSet.Load(rules, Partitions(key.Item1)) : null)).Value;

    public static Partitions Partitions(ModelLoader models) =>
        PartitionSets.GetOrAdd(models, m => new Lazy<Partitions>(() => Stratus.Endpoints.Partitions.Load(m.LoadData("_partitions")))).Value;

    public static EndpointParameters Bind(EndpointRuleSet rules, ClientOptions options, string region, OperationModel? operation, JsonObject? input)
    {
        var parameters = new EndpointParameters();
        parameters.Values.EnsureCapacity(rules.Parameters.Count);
        var ruleParameters = rules.Parameters;
        for (var i = 0; i < ruleParameters.Count; i++)
        {
            var p = ruleParameters[i];
            switch (p.BuiltIn)
            {
                case "AWS::Region":
                    parameters.Add(p.Name, region);
                    break;
                case "AWS::UseFIPS":
                    parameters.Add(p.Name, options.UseFips);
                    break;
                case "AWS::UseDualStack":
                    parameters.Add(p.Name, options.UseDualStack);
                    break;
                case "SDK::Endpoint":
                    if (options.EndpointUrl is { } url)
                    {
                        parameters.Add(p.Name, url.OriginalString.TrimEnd('/'));
                    }
                    break;
                case "AWS::S3::ForcePathStyle":
                    parameters.Add(p.Name, options.ForcePathStyle ?? options.EndpointUrl is not null);
                    break;
                case "AWS::S3::UseGlobalEndpoint":
                case "AWS::STS::UseGlobalEndpoint":
                    parameters.Add(p.Name, false);
                    break;
            }
        }
        if (operation is not null)
        {
            var facts = operation.Facts;
            foreach (var (name, value) in facts.StaticContextParams)
            {
                parameters[name] = value;
            }
            if (input is not null)
            {
                foreach (var (name, param) in facts.ContextParams)
                {
                    if (input[name] is JsonValue value)
                    {
                        if (NativeValues.TryGetString(value, out var s))
                        {
                            parameters.Add(param, s);
                        }
                        else if (NativeValues.TryGetBoolean(value, out var b))
                        {
                            parameters.Add(param, b);
                        }
                    }
                }
            }
        }
        return parameters;
    }

    public static ResolvedEndpoint ToResolved(Endpoint endpoint, ServiceModel model, string region)
    {
        var scheme = endpoint.AuthSchemes.Count > 0 ? endpoint.AuthSchemes[0] : null;
        var name = scheme?.Name switch
        {
            "sigv4a" => "sigv4a",
            "sigv4" or "sigv4-s3express" => "sigv4",
            null => "sigv4",
            _ => scheme.Name,
        };
        var signingRegion = name == "sigv4a" && scheme!.SigningRegionSet.Count > 0
            ? string.Join(',', scheme.SigningRegionSet)
            : scheme?.SigningRegion ?? region;
        return new ResolvedEndpoint(endpoint.Url, scheme?.SigningName ?? model.Metadata.SigningName, signingRegion, name,
            scheme?.DisableDoubleEncoding ?? false, endpoint.Headers);
    }
}
