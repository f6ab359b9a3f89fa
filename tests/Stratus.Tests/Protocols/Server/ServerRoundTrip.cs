using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// Runs the conformance cases through both sides: input cases client-serialized then server-parsed;
/// output cases server-serialized then client-parsed (results and errors). Returns null when a case
/// round-trips, else the difference.
/// </summary>
internal static class ServerRoundTrip
{
    public static string? RunInput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = ProtocolCase.Build(suite, c);
        var input = (c["params"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        IdempotencyTokens.Fill(operation.Input, input, () => ProtocolSuite.FixedToken);
        var expected = input.DeepClone();
        var request = ProtocolRegistry.For(model).SerializeRequest(operation, input);
        var server = ServerProtocolRegistry.For(model).First();
        var serverRequest = WireRequests.ToServer(request);
        var found = server.FindOperation(model, serverRequest);
        if (found?.Name != operation.Name)
        {
            return $"FindOperation: expected {operation.Name}, got {found?.Name ?? "null"} for {request.Method} {request.PathAndQuery}";
        }
        var parsed = server.ParseRequest(found, serverRequest);
        return ValueComparer.Diff("params", expected, parsed);
    }

    public static string? RunOutput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = ProtocolCase.Build(suite, c);
        var client = ProtocolRegistry.For(model);
        var server = ServerProtocolRegistry.For(model).First();
        var streams = operation.StreamingOutput is not null;
        if (c["errorCode"] is not null || c["error"] is not null)
        {
            var code = c["errorCode"]?.GetValue<string>() ?? operation.Errors[0].Name;
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
}
