using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Sqs;

/// <summary>One message attribute (or message system attribute) as SQS keeps it.</summary>
/// <param name="DataType">String, Number or Binary, optionally with a custom label (<c>Number.int</c>).</param>
/// <param name="StringValue">The value of a String or Number attribute.</param>
/// <param name="BinaryValue">The value of a Binary attribute.</param>
internal sealed record SqsAttributeValue(string DataType, string? StringValue, byte[]? BinaryValue)
{
    /// <summary>Whether the value travels as binary (transport type 2 in the MD5 digest) rather than as text (1).</summary>
    public bool IsBinary => DataType.StartsWith("Binary", StringComparison.Ordinal);

    /// <summary>The bytes the attribute counts toward the message size: its name, type and value.</summary>
    public long Size(string name) =>
        Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(DataType)
        + (BinaryValue?.Length ?? Encoding.UTF8.GetByteCount(StringValue ?? ""));

    /// <summary>The attribute as a <c>MessageAttributeValue</c> output structure.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject { [nameof(DataType)] = DataType };
        if (BinaryValue is not null)
        {
            o[nameof(BinaryValue)] = NativeValues.Blob(BinaryValue);
        }
        else
        {
            o[nameof(StringValue)] = StringValue;
        }
        return o;
    }
}
