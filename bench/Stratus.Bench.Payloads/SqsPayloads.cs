using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Stratus.Bench.Payloads;

/// <summary>SQS responses as SQS renders them (JSON 1.0, awsQueryCompatible).</summary>
public static class SqsPayloads
{
    /// <summary>The SendMessage result for a message body: its MD5 (which SDKs check) and a message id.</summary>
    public static byte[] SendMessage(string messageBody, Guid messageId)
    {
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(messageBody)));
        return Encoding.UTF8.GetBytes("{\"MD5OfMessageBody\":\"" + md5 + "\",\"MessageId\":\"" + messageId.ToString("D") + "\"}");
    }

    /// <summary>Reads <c>MessageBody</c> from a SendMessage request body (JSON).</summary>
    public static string? MessageBodyOf(ReadOnlySpan<byte> requestJson)
    {
        var reader = new Utf8JsonReader(requestJson);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("MessageBody"u8))
            {
                reader.Read();
                return reader.GetString();
            }
        }
        return null;
    }
}
