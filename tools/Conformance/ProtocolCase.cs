using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Conformance;

/// <summary>Runs one protocol case; returns null when it passes, else the difference.</summary>
internal static class ProtocolCase
{
    public static string? RunInput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = Build(suite, c);
        var protocol = ProtocolRegistry.For(model);
        var input = (c["params"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        IdempotencyTokens.Fill(operation.Input, input, () => ProtocolSuite.FixedToken);
        var request = protocol.SerializeRequest(operation, input);
        var expected = c["serialized"] as JsonObject ?? [];
        var endpoint = new Uri(suite["clientEndpoint"]?.GetValue<string>() ?? "https://example.com");
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        var body = request.BodyStream is { } s ? ReadAll(s) : request.Body.ToArray();
        var diffs = new List<string>();
        if (expected["method"]?.GetValue<string>() is { } method && method != request.Method)
        {
            diffs.Add($"method: expected {method}, got {request.Method}");
        }
        if (expected["uri"]?.GetValue<string>() is { } uri)
        {
            var actualUri = basePath + request.PathAndQuery;
            if (!UriEquals(uri, actualUri))
            {
                diffs.Add($"uri: expected {uri}, got {actualUri}");
            }
        }
        if (expected["host"]?.GetValue<string>() is { } host)
        {
            var actualHost = (request.HostPrefix ?? "") + endpoint.Authority + basePath;
            if (host != actualHost)
            {
                diffs.Add($"host: expected {host}, got {actualHost}");
            }
        }
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        if (body.Length > 0 || request.Method is "POST" or "PUT" or "PATCH")
        {
            headers.TryAdd("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (name, value) in expected["headers"] as JsonObject ?? [])
        {
            var want = value!.GetValue<string>();
            if (!headers.TryGetValue(name, out var got))
            {
                diffs.Add($"header {name}: expected '{want}', missing");
            }
            else if (!HeaderEquals(name, want, got))
            {
                diffs.Add($"header {name}: expected '{want}', got '{got}'");
            }
        }
        foreach (var name in expected["forbidHeaders"] as JsonArray ?? [])
        {
            if (headers.ContainsKey(name!.GetValue<string>()))
            {
                diffs.Add($"header {name} must be absent");
            }
        }
        foreach (var name in expected["requireHeaders"] as JsonArray ?? [])
        {
            if (!headers.ContainsKey(name!.GetValue<string>()))
            {
                diffs.Add($"header {name} is required");
            }
        }
        if (expected["body"]?.GetValue<string>() is { } expectedBody && BodyComparer.Diff(protocol.Name, expectedBody, body) is { } bodyDiff)
        {
            diffs.Add(bodyDiff);
        }
        return diffs.Count == 0 ? null : string.Join("; ", diffs);
    }

    public static string? RunOutput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = Build(suite, c);
        var protocol = ProtocolRegistry.For(model);
        var response = (JsonObject)c["response"]!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in response["headers"] as JsonObject ?? [])
        {
            headers[k] = v!.GetValue<string>();
        }
        var bodyText = response["body"]?.GetValue<string>() ?? "";
        // Event-stream bodies are binary, so the suites give them in base64 (botocore's runner decodes them too).
        var eventStream = operation.Output?.Members.Values.Any(m => m.EventStream) == true;
        var body = protocol.Name == "smithy-rpc-v2-cbor" || eventStream ? Convert.FromBase64String(bodyText) : Encoding.UTF8.GetBytes(bodyText);
        var status = response["status_code"]?.GetValue<int>() ?? 200;
        Stream? stream = operation.StreamingOutput is not null || eventStream ? new MemoryStream(body) : null;
        var raw = new RawResponse(status, headers, stream is null ? body : ReadOnlyMemory<byte>.Empty, stream);
        if (c["errorCode"] is not null || c["error"] is not null)
        {
            var error = protocol.ParseError(operation, raw);
            var diffs = new List<string>();
            if (c["errorCode"]?.GetValue<string>() is { } code && code != error.Code)
            {
                diffs.Add($"errorCode: expected {code}, got {error.Code}");
            }
            if (c["errorMessage"]?.GetValue<string>() is { } message && message != error.Message)
            {
                diffs.Add($"errorMessage: expected '{message}', got '{error.Message}'");
            }
            if (c["error"] is JsonObject expectedError && ValueComparer.Diff("error", expectedError, error.Document) is { } d)
            {
                diffs.Add(d);
            }
            return diffs.Count == 0 ? null : string.Join("; ", diffs);
        }
        var result = protocol.ParseResponse(operation, raw);
        result.Remove("ResponseMetadata");
        return ValueComparer.Diff("result", c["result"] as JsonObject ?? [], result);
    }

    internal static (ServiceModel, OperationModel) Build(JsonObject suite, JsonObject c)
    {
        var given = (JsonObject)c["given"]!;
        var name = given["name"]!.GetValue<string>();
        var doc = new JsonObject
        {
            ["metadata"] = suite["metadata"]?.DeepClone(),
            ["shapes"] = suite["shapes"]?.DeepClone(),
            ["operations"] = new JsonObject { [name] = given.DeepClone() },
        };
        var model = ServiceModel.Parse("conformance", Encoding.UTF8.GetBytes(doc.ToJsonString()));
        return (model, model.GetOperation(name));
    }

    private static bool UriEquals(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }
        // Query parameter order is not significant.
        static (string, string[]) Split(string u)
        {
            var q = u.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? (u, []) : (u[..q], u[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray());
        }
        var (ep, eq) = Split(expected);
        var (ap, aq) = Split(actual);
        return ep == ap && eq.SequenceEqual(aq);
    }

    private static bool HeaderEquals(string name, string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }
        if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            static string Strip(string v) => v.Replace("; charset=utf-8", "", StringComparison.OrdinalIgnoreCase).Trim();
            return Strip(expected) == Strip(actual);
        }
        // A list header is "a, b" in the Smithy suites and "a,b" in the legacy ones: the same value, since
        // HTTP allows optional whitespace around the commas of a list (RFC 9110, section 5.6.1).
        static string Items(string v) => string.Join(',', v.Split(',').Select(item => item.Trim()));
        return Items(expected) == Items(actual);
    }

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
