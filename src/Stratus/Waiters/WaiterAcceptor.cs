using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Waiters;

/// <summary>One acceptor of a waiter: when its matcher matches a response, the wait takes its state.</summary>
public sealed class WaiterAcceptor
{
    private readonly object? _expected;

    /// <summary>Creates an acceptor; <paramref name="expected"/> is the definition's <c>expected</c> value.</summary>
    /// <exception cref="FormatException">The argument is not a valid path expression.</exception>
    public WaiterAcceptor(WaiterState state, WaiterMatcher matcher, string? argument, JsonNode? expected)
    {
        State = state;
        Matcher = matcher;
        Argument = argument;
        Expected = expected;
        _expected = PathValue.Normalize(expected);
        if (matcher is WaiterMatcher.Path or WaiterMatcher.PathAll or WaiterMatcher.PathAny)
        {
            ArgumentException.ThrowIfNullOrEmpty(argument);
            PathExpression.Compile(argument);
        }
    }

    /// <summary>The state the wait takes when this acceptor matches.</summary>
    public WaiterState State { get; }

    /// <summary>How the response is looked at.</summary>
    public WaiterMatcher Matcher { get; }

    /// <summary>The JMESPath expression of the path matchers.</summary>
    public string? Argument { get; }

    /// <summary>The expected value.</summary>
    public JsonNode? Expected { get; }

    /// <summary>
    /// Whether the acceptor matches a call's outcome: its result, or the service's error. Path matchers only
    /// look at results; the status matcher looks at both.
    /// </summary>
    public bool Matches(JsonObject? result, ServiceException? error)
    {
        switch (Matcher)
        {
            case WaiterMatcher.Error:
                return PathValue.Kind(_expected) == PathKind.Boolean
                    ? PathValue.AsBoolean(_expected) == (error is not null)
                    : error is not null && string.Equals(error.ErrorCode, PathValue.AsString(_expected), StringComparison.Ordinal);
            case WaiterMatcher.Status:
                var status = error?.StatusCode ?? (result?["ResponseMetadata"]?["HTTPStatusCode"] is JsonValue v && v.TryGetValue<int>(out var s) ? s : 0);
                return PathValue.Kind(_expected) == PathKind.Number && status == (int)PathValue.AsNumber(_expected);
        }
        if (error is not null || result is null)
        {
            return false;
        }
        var value = PathExpression.Compile(Argument!)(result);
        return Matcher switch
        {
            WaiterMatcher.Path => PathValue.Equal(value, _expected),
            WaiterMatcher.PathAll => PathValue.AsList(value) is { Count: > 0 } all && all.TrueForAll(item => PathValue.Equal(item, _expected)),
            _ => PathValue.AsList(value) is { } any && any.Exists(item => PathValue.Equal(item, _expected)),
        };
    }

    /// <summary>Reads one acceptor of waiters-2.json.</summary>
    /// <exception cref="FormatException">The acceptor is malformed.</exception>
    public static WaiterAcceptor Parse(JsonElement acceptor)
    {
        var state = Text(acceptor, "state") switch
        {
            "success" => WaiterState.Success,
            "failure" => WaiterState.Failure,
            "retry" => WaiterState.Retry,
            var other => throw new FormatException($"Unknown waiter state '{other}'."),
        };
        var matcher = Text(acceptor, "matcher") switch
        {
            "path" => WaiterMatcher.Path,
            "pathAll" => WaiterMatcher.PathAll,
            "pathAny" => WaiterMatcher.PathAny,
            "status" => WaiterMatcher.Status,
            "error" => WaiterMatcher.Error,
            var other => throw new FormatException($"Unknown waiter matcher '{other}'."),
        };
        var argument = acceptor.TryGetProperty("argument", out var a) ? a.GetString() : null;
        var expected = acceptor.TryGetProperty("expected", out var e) ? JsonNode.Parse(e.GetRawText()) : null;
        return new WaiterAcceptor(state, matcher, argument, expected);
    }

    /// <summary>Shows the acceptor as the definition does.</summary>
    public override string ToString() =>
        $"{State.ToString().ToLowerInvariant()} when {Matcher}{(Argument is null ? "" : " " + Argument)} = {Expected?.ToJsonString() ?? "null"}";

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
