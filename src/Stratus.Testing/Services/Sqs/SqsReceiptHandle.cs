using System.Text;

namespace Stratus.Testing.Services.Sqs;

/// <summary>
/// A receipt handle: names the queue, the message and the receive it came from (opaque to clients, base64).
/// </summary>
/// <param name="QueueArn">The queue the message was received from.</param>
/// <param name="MessageId">The message.</param>
/// <param name="Nonce">Which receive: only the newest deletes the message.</param>
internal sealed record SqsReceiptHandle(string QueueArn, string MessageId, string Nonce)
{
    public override string ToString() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{QueueArn} {MessageId} {Nonce}"));

    /// <summary>Reads a handle this service made.</summary>
    public static bool TryParse(string text, out SqsReceiptHandle handle)
    {
        handle = null!;
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(buffer, 0, written).Split(' ');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            return false;
        }
        handle = new SqsReceiptHandle(parts[0], parts[1], parts[2]);
        return true;
    }
}
