using Stratus.Models;

namespace Stratus.Testing.Recording;

/// <summary>
/// The names whose values a recording must not keep: members marked <c>sensitive</c> in an operation's input and
/// output shapes (at any depth, by member and wire name; header members by header name), plus names that are
/// secret in every service (STS and Cognito credentials, passwords).
/// </summary>
internal sealed class SecretNames
{
    /// <summary>Secret in every service, whatever the model says.</summary>
    public static readonly IReadOnlyList<string> Always = ["SecretAccessKey", "SecretKey", "SessionToken", "SecurityToken", "Password"];

    private SecretNames(HashSet<string> body, HashSet<string> headers, HashSet<string> tokens)
    {
        Body = body;
        Headers = headers;
        IdempotencyTokens = tokens;
    }

    /// <summary>Member names (JSON keys, XML elements, form keys) whose values are secret.</summary>
    public HashSet<string> Body { get; }

    /// <summary>Header names whose values are secret (besides <see cref="Stratus.Client.WireLog"/>'s).</summary>
    public HashSet<string> Headers { get; }

    /// <summary>Input members a client fills with a fresh value each call: not secret, but not comparable on replay.</summary>
    public HashSet<string> IdempotencyTokens { get; }

    /// <summary>Collects the names for an operation (null: only <see cref="Always"/> and <paramref name="extra"/>).</summary>
    public static SecretNames For(OperationModel? operation, IEnumerable<string> extra)
    {
        var body = new HashSet<string>(Always.Concat(extra), StringComparer.Ordinal);
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        if (operation is not null)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var shape in new[] { operation.Input, operation.Output })
            {
                if (shape is not null)
                {
                    Walk(shape, body, headers, visited);
                }
            }
            foreach (var (name, member) in operation.Input?.Members ?? new Dictionary<string, Shape>())
            {
                if (member.IdempotencyToken)
                {
                    tokens.Add(name);
                    tokens.Add(member.WireName);
                }
            }
        }
        return new SecretNames(body, headers, tokens);
    }

    private static void Walk(Shape structure, HashSet<string> body, HashSet<string> headers, HashSet<string> visited)
    {
        if (!visited.Add(structure.Name))
        {
            return;
        }
        foreach (var (name, member) in structure.Members)
        {
            if (IsSecret(member))
            {
                if (member.Location is "header")
                {
                    headers.Add(member.WireName);
                }
                else
                {
                    body.Add(name);
                    body.Add(member.WireName);
                    if (member.QueryName is { } query)
                    {
                        body.Add(query);
                    }
                }
                continue;
            }
            var inner = member.Type switch
            {
                ShapeType.List => member.Member,
                ShapeType.Map => member.Value,
                _ => member,
            };
            if (inner.Type == ShapeType.Structure)
            {
                Walk(inner, body, headers, visited);
            }
        }
    }

    private static bool IsSecret(Shape shape) => shape.Sensitive || shape.Type switch
    {
        ShapeType.List => shape.Member.Sensitive,
        ShapeType.Map => shape.Value.Sensitive,
        _ => false,
    };
}
