using System.Text.Json.Nodes;
using Stratus.Protocols.Server;
using Stratus.Testing.Http;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Stubbing;

public sealed partial class Stubber
{
    // The request id of protocols that write none themselves, so every stubbed response has one.
    private const string StubRequestId = "00000000-0000-0000-0000-5715bbed0000";

    /// <summary>
    /// Answers one request with the next queued call: find the operation with the server protocol, check it is
    /// the expected one with the expected parameters, then write the queued output or error.
    /// </summary>
    internal HttpResponseMessage Respond(HttpRequestMessage request, byte[] body)
    {
        var server = ServerMessages.ToServerRequest(request, body);
        if (Model.Name == "s3")
        {
            server = S3Addressing.ToPathStyle(server);
        }
        var protocol = MockCloud.ChooseProtocol(Model, server);
        var operation = protocol.FindOperation(Model, server)
            ?? throw Fail($"{Model.Name}: the stubber received a request it cannot map to an operation: {server.Method} {server.Path}.");
        StubbedCall call;
        lock (_gate)
        {
            if (!_queue.TryPeek(out var next))
            {
                throw Fail($"{Model.Name}.{operation.Name}: unexpected call: no stubbed response is queued. Either the call was not stubbed or it was made more times than stubbed.");
            }
            if (next.Operation.Name != operation.Name)
            {
                throw Fail($"{Model.Name}.{operation.Name}: operation mismatch: the next stubbed response is for {next}.");
            }
            if (next.ExpectedParams is { } expected)
            {
                CheckParams(protocol, server, next, expected);
            }
            call = _queue.Dequeue();
        }
        var response = call.Error is { } error
            ? protocol.SerializeError(Model, call.Operation, error)
            : protocol.SerializeResponse(call.Operation, call.Output!);
        if (call.StatusCode is { } status)
        {
            response.StatusCode = status;
        }
        foreach (var (name, value) in call.Headers)
        {
            response.Headers[name] = value;
        }
        response.Headers.TryAdd("x-amzn-RequestId", StubRequestId);
        return ServerMessages.ToHttpResponse(response, request);
    }

    private void CheckParams(IServerProtocol protocol, ServerRequest server, StubbedCall call, JsonObject expected)
    {
        JsonObject sent;
        try
        {
            sent = protocol.ParseRequest(call.Operation, server);
        }
        catch (ProtocolReadException e)
        {
            throw Fail($"{Model.Name}.{call.Operation.Name}: the request the client sent could not be read back: {e.Message}", e);
        }
        var problems = ParameterMatcher.Compare(call.Operation, expected, sent);
        if (problems.Count > 0)
        {
            _failed = true;
            throw new StubberException(
                $"{Model.Name}.{call.Operation.Name}: parameter mismatch: {string.Join("; ", problems)}.\nExpected: {ParameterMatcher.Show(expected)}\nSent: {ParameterMatcher.Show(sent)}",
                problems);
        }
    }

    private StubberException Fail(string message, Exception? inner = null)
    {
        _failed = true;
        return new StubberException(message, inner);
    }
}
