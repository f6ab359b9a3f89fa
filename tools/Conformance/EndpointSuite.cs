using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Endpoints;

namespace Stratus.Conformance;

/// <summary>
/// Runs the endpoint rule-set tests in the layout of <c>shared/conformance/endpoints</c>:
/// <c>rule-sets/&lt;svc&gt;/&lt;version&gt;/endpoint-rule-set-1.json</c>, <c>rule-tests/&lt;svc&gt;/endpoint-tests-1.json</c>
/// and <c>partitions.json</c>. Each case is resolved from its <c>params</c> (the values an SDK would bind, so
/// <c>operationInputs</c> are not exercised here) and compared with <c>expect</c>: the URL exactly, properties
/// deep-equal, headers; or the error message exactly.
/// </summary>
public static class EndpointSuite
{
    /// <summary>Runs every service under <paramref name="dir"/> and prints the failures and the closing line.</summary>
    public static int Run(string dir, TextWriter output)
    {
        var result = RunAll(dir);
        foreach (var f in result.Failures)
        {
            output.WriteLine("FAIL " + f);
        }
        foreach (var s in result.Skipped)
        {
            output.WriteLine("SKIP " + s);
        }
        output.WriteLine(result.Summary);
        return result.Ok ? 0 : 1;
    }

    /// <summary>Runs every service under <paramref name="dir"/>, or only <paramref name="onlyService"/>.</summary>
    public static SuiteResult RunAll(string dir, string? onlyService = null)
    {
        var result = new SuiteResult();
        var partitions = Partitions.Parse(File.ReadAllBytes(Path.Combine(dir, "partitions.json")));
        foreach (var serviceDir in Directory.EnumerateDirectories(Path.Combine(dir, "rule-sets")).Order(StringComparer.Ordinal))
        {
            var service = Path.GetFileName(serviceDir);
            if (onlyService is not null && service != onlyService)
            {
                continue;
            }
            var testsPath = Path.Combine(dir, "rule-tests", service, "endpoint-tests-1.json");
            var ruleSetPath = Directory.EnumerateFiles(serviceDir, "endpoint-rule-set-1.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault();
            if (ruleSetPath is null || !File.Exists(testsPath))
            {
                result.Skipped.Add($"{service}: no rule set or no tests");
                continue;
            }
            using var ruleSetDocument = JsonDocument.Parse(File.ReadAllBytes(ruleSetPath));
            var ruleSet = EndpointRuleSet.Load(ruleSetDocument.RootElement, partitions);
            var tests = JsonNode.Parse(File.ReadAllBytes(testsPath))?["testCases"] as JsonArray ?? [];
            var index = 0;
            foreach (var testCase in tests.OfType<JsonObject>())
            {
                index++;
                var name = $"{service} #{index}: {testCase["documentation"]?.GetValue<string>()}";
                string? difference;
                try
                {
                    difference = RunCase(ruleSet, testCase);
                }
                catch (Exception e) when (e is not EndpointResolutionException)
                {
                    difference = e.GetType().Name + ": " + e.Message;
                }
                if (difference is null)
                {
                    result.Passed++;
                }
                else
                {
                    result.Failures.Add($"{name}: {difference}");
                }
            }
        }
        return result;
    }

    /// <summary>Resolves one test case; the difference from its expectation, or <see langword="null"/> when it passes.</summary>
    public static string? RunCase(EndpointRuleSet ruleSet, JsonObject testCase)
    {
        var parameters = ToParameters(testCase["params"] as JsonObject);
        var expect = testCase["expect"] as JsonObject ?? throw new InvalidDataException("case has no 'expect'");
        Endpoint endpoint;
        try
        {
            endpoint = ruleSet.Resolve(parameters);
        }
        catch (EndpointResolutionException e)
        {
            var expectedError = expect["error"]?.GetValue<string>();
            return expectedError == e.Message ? null : expectedError is null
                ? $"unexpected error '{e.Message}'"
                : $"error '{e.Message}', expected '{expectedError}'";
        }
        if (expect["endpoint"] is not JsonObject expected)
        {
            return $"resolved to {endpoint.Url.OriginalString}, expected error '{expect["error"]?.GetValue<string>()}'";
        }
        var url = expected["url"]?.GetValue<string>();
        if (endpoint.Url.OriginalString != url)
        {
            return $"url {endpoint.Url.OriginalString}, expected {url}";
        }
        var actualProperties = new JsonObject();
        foreach (var (key, value) in endpoint.Properties)
        {
            actualProperties[key] = JsonNode.Parse(value.GetRawText());
        }
        var expectedProperties = expected["properties"] as JsonObject ?? [];
        if (!JsonNode.DeepEquals(actualProperties, expectedProperties))
        {
            return $"properties {actualProperties.ToJsonString()}, expected {expectedProperties.ToJsonString()}";
        }
        var actualHeaders = new JsonObject();
        foreach (var (key, values) in endpoint.Headers)
        {
            actualHeaders[key] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
        var expectedHeaders = expected["headers"] as JsonObject ?? [];
        return JsonNode.DeepEquals(actualHeaders, expectedHeaders)
            ? null
            : $"headers {actualHeaders.ToJsonString()}, expected {expectedHeaders.ToJsonString()}";
    }

    /// <summary>Converts a case's <c>params</c> object (strings, booleans, string arrays) to parameters.</summary>
    public static EndpointParameters ToParameters(JsonObject? values)
    {
        var parameters = new EndpointParameters();
        foreach (var (name, value) in values ?? [])
        {
            parameters[name] = value switch
            {
                null => null,
                JsonArray array => array.Select(v => v?.GetValue<string>() ?? "").ToArray(),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => throw new InvalidDataException($"parameter '{name}' has an unsupported value {value.ToJsonString()}"),
            };
        }
        return parameters;
    }
}
