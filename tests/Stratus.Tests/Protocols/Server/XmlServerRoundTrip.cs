using System.Text;
using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// Runs the botocore protocol suites through a server protocol and back: input cases are serialized by the
/// client, handed to the server as a <see cref="ServerRequest"/> and must be found and parsed back into the
/// case's params; output cases are written by the server and must parse on the client into the case's result,
/// or its error code, message and fields.
/// </summary>
internal static class XmlServerRoundTrip
{
    /// <summary>Runs every case of one suite file; returns the case names that passed and the failures (name, difference).</summary>
    public static (List<string> Passed, Dictionary<string, string> Failed) RunFile(string dir, string file)
    {
        var passed = new List<string>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = file.Contains("/input/", StringComparison.Ordinal) || file.StartsWith("input/", StringComparison.Ordinal);
        var suites = JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, file))) as JsonArray ?? [];
        foreach (var suite in suites.OfType<JsonObject>())
        {
            var description = suite["description"]?.GetValue<string>() ?? "";
            var index = 0;
            foreach (var c in (suite["cases"] as JsonArray ?? []).OfType<JsonObject>())
            {
                index++;
                var name = $"{file}: {c["id"]?.GetValue<string>() ?? description + " #" + index}";
                string? error;
                try
                {
                    error = input ? RunInput(suite, c) : RunOutput(suite, c);
                }
                catch (Exception e)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                if (error is null)
                {
                    passed.Add(name);
                }
                else
                {
                    failed[name] = error;
                }
            }
        }
        return (passed, failed);
    }

    private static string? RunInput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = Build(suite, c);
        var client = ProtocolRegistry.For(model);
        var server = ServerProtocolRegistry.Create(client.Name, model.Metadata);
        var input = (c["params"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        IdempotencyTokens.Fill(operation.Input, input, () => ProtocolSuite.FixedToken);
        var expected = (JsonObject)input.DeepClone();
        var serialized = client.SerializeRequest(operation, input);
        var endpoint = new Uri(suite["clientEndpoint"]?.GetValue<string>() ?? "https://example.com");
        var request = ToServerRequest(serialized, (serialized.HostPrefix ?? "") + endpoint.Authority);
        var found = server.FindOperation(model, request);
        if (found?.Name != operation.Name)
        {
            return $"FindOperation: expected {operation.Name}, got {found?.Name ?? "null"}";
        }
        return ValueComparer.Diff("input", expected, server.ParseRequest(operation, request));
    }

    private static string? RunOutput(JsonObject suite, JsonObject c)
    {
        var (model, operation) = Build(suite, c);
        var client = ProtocolRegistry.For(model);
        var server = ServerProtocolRegistry.Create(client.Name, model.Metadata);
        if (c["errorCode"] is not null || c["error"] is not null)
        {
            var code = c["errorCode"]?.GetValue<string>() ?? "";
            var message = c["errorMessage"]?.GetValue<string>() ?? "";
            var status = c["response"]?["status_code"]?.GetValue<int>() ?? 400;
            var fields = c["error"]?.DeepClone() as JsonObject;
            var written = server.SerializeError(model, operation, new ServiceError(code, message, status, fields));
            var parsed = client.ParseError(operation, ToRawResponse(written, operation));
            var diffs = new List<string>();
            if (parsed.Code != code)
            {
                diffs.Add($"errorCode: expected {code}, got {parsed.Code}");
            }
            if (c["errorMessage"] is not null && parsed.Message != message)
            {
                diffs.Add($"errorMessage: expected '{message}', got '{parsed.Message}'");
            }
            if (c["error"] is JsonObject expectedError && ValueComparer.Diff("error", expectedError, parsed.Document) is { } d)
            {
                diffs.Add(d);
            }
            return diffs.Count == 0 ? null : string.Join("; ", diffs);
        }
        var expected = c["result"] as JsonObject ?? [];
        var response = server.SerializeResponse(operation, (JsonObject)expected.DeepClone());
        var result = client.ParseResponse(operation, ToRawResponse(response, operation));
        result.Remove("ResponseMetadata");
        return ValueComparer.Diff("result", expected, result);
    }

    /// <summary>A client's request as the server receives it.</summary>
    public static ServerRequest ToServerRequest(SerializedRequest serialized, string host = "example.com")
    {
        var request = new ServerRequest
        {
            Method = serialized.Method,
            Path = serialized.Path,
            Query = [.. serialized.Query],
            Host = host,
            Body = serialized.Body,
            BodyStream = serialized.BodyStream,
        };
        foreach (var (name, value) in serialized.Headers)
        {
            request.Headers[name] = value;
        }
        return request;
    }

    /// <summary>A server's response as the client receives it (a streaming output as a stream).</summary>
    public static RawResponse ToRawResponse(ServerResponse response, OperationModel operation)
    {
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        var stream = response.BodyStream
            ?? (operation.StreamingOutput is not null ? new MemoryStream(response.Body.ToArray()) : null);
        return new RawResponse(response.StatusCode, headers, stream is null ? response.Body : ReadOnlyMemory<byte>.Empty, stream);
    }

    private static (ServiceModel, OperationModel) Build(JsonObject suite, JsonObject c)
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
}
