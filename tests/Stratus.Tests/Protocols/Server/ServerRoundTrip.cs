using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// Runs the botocore protocol suites through a server protocol and back: input cases are serialized by the
/// client, sent over the wire (<see cref="WireRequests"/>) and must be found and parsed back by the server into
/// the case's params; output cases are written by the server and must parse on the client into the case's
/// result, or its error code, message and fields. Cases are named and skipped as the conformance tool does.
/// </summary>
internal static class ServerRoundTrip
{
    /// <summary>Runs every case of one suite file (relative to <paramref name="dir"/>).</summary>
    public static FileResult RunFile(string dir, string file)
    {
        var result = new FileResult();
        var parts = file.Split('/');
        var kind = parts[^2];
        var legacy = parts[0] == "legacy";
        var protocolFile = Path.GetFileNameWithoutExtension(file);
        var ignore = IgnoreList.Load(Path.Combine(dir, "protocol-tests-ignore-list.json"));
        foreach (var suite in (JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, file))) as JsonArray ?? []).OfType<JsonObject>())
        {
            var description = suite["description"]?.GetValue<string>() ?? "";
            var index = 0;
            foreach (var c in (suite["cases"] as JsonArray ?? []).OfType<JsonObject>())
            {
                index++;
                var id = c["id"]?.GetValue<string>();
                if (!legacy && ignore.Ignores(protocolFile, kind, description, id))
                {
                    result.Skipped++;
                    continue;
                }
                var name = $"{file}: {id ?? description + " #" + index}";
                string? error;
                try
                {
                    error = kind == "input" ? RunInput(suite, c) : RunOutput(suite, c);
                }
                catch (Exception e)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                if (error is null)
                {
                    result.Passed.Add(name);
                }
                else
                {
                    result.Failed[name] = error;
                }
            }
        }
        return result;
    }

    /// <summary>Runs an input case; returns null when it round-trips, else the difference.</summary>
    public static string? RunInput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = ProtocolCase.Build(suite, c);
        var client = ProtocolRegistry.For(model);
        var server = ServerProtocolRegistry.Create(client.Name, model.Metadata);
        var input = (c["params"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        IdempotencyTokens.Fill(operation.Input, input, () => ProtocolSuite.FixedToken);
        var expected = input.DeepClone();
        var request = client.SerializeRequest(operation, input);
        var endpoint = new Uri(suite["clientEndpoint"]?.GetValue<string>() ?? "https://example.com");
        var serverRequest = WireRequests.ToServer(request, endpoint.Authority);
        var found = server.FindOperation(model, serverRequest);
        if (found?.Name != operation.Name)
        {
            return $"FindOperation: expected {operation.Name}, got {found?.Name ?? "null"} for {request.Method} {request.PathAndQuery}";
        }
        return ValueComparer.Diff("params", expected, server.ParseRequest(found, serverRequest));
    }

    /// <summary>Runs an output case; returns null when it round-trips, else the difference.</summary>
    public static string? RunOutput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = ProtocolCase.Build(suite, c);
        var client = ProtocolRegistry.For(model);
        var server = ServerProtocolRegistry.Create(client.Name, model.Metadata);
        var streams = operation.StreamingOutput is not null;
        if (c["errorCode"] is not null || c["error"] is not null)
        {
            var code = c["errorCode"]?.GetValue<string>() ?? (operation.Errors.Count > 0 ? operation.Errors[0].Name : "");
            var message = c["errorMessage"]?.GetValue<string>();
            var status = c["response"]?["status_code"]?.GetValue<int>() ?? 400;
            var fields = c["error"]?.DeepClone() as JsonObject;
            var response = server.SerializeError(model, operation, new ServiceError(code, message ?? "", status, fields));
            var error = client.ParseError(operation, WireRequests.ToRaw(response, streams));
            var diffs = new List<string>();
            if (error.Code != code)
            {
                diffs.Add($"errorCode: expected {code}, got {error.Code}");
            }
            if (message is not null && message != error.Message)
            {
                diffs.Add($"errorMessage: expected '{message}', got '{error.Message}'");
            }
            if (c["error"] is JsonObject expectedError && ValueComparer.Diff("error", expectedError, error.Document) is { } d)
            {
                diffs.Add(d);
            }
            return diffs.Count == 0 ? null : string.Join("; ", diffs);
        }
        var result = c["result"] as JsonObject ?? [];
        var written = server.SerializeResponse(operation, (JsonObject)result.DeepClone());
        var parsed = client.ParseResponse(operation, WireRequests.ToRaw(written, streams));
        parsed.Remove("ResponseMetadata");
        return ValueComparer.Diff("result", result, parsed);
    }

    /// <summary>The outcome of one suite file: the cases that round-trip, those that do not (with the difference), and how many the ignore list skips.</summary>
    internal sealed class FileResult
    {
        public List<string> Passed { get; } = [];

        public Dictionary<string, string> Failed { get; } = new(StringComparer.Ordinal);

        public int Skipped { get; set; }
    }
}
