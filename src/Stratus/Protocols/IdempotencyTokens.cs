using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols;

/// <summary>Fills top-level members with the idempotencyToken trait when the caller left them out.</summary>
public static class IdempotencyTokens
{
    /// <summary>Fills missing idempotency tokens in <paramref name="input"/>, using <paramref name="factory"/> (default: a random UUID).</summary>
    public static void Fill(Shape? inputShape, JsonObject input, Func<string>? factory = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (inputShape is null)
        {
            return;
        }
        foreach (var (name, member) in inputShape.Members)
        {
            if (member.IdempotencyToken && input[name] is null)
            {
                input[name] = (factory ?? NewToken)();
            }
        }
    }

    private static string NewToken() => Guid.NewGuid().ToString();
}
