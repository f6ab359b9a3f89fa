using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Sqs;

/// <summary>Checks a message's body and attributes as SQS does, and reads the attributes.</summary>
internal static class SqsMessageValidation
{
    private const int MaxAttributes = 10;

    /// <summary>Throws <c>InvalidMessageContents</c> when the text has a character SQS does not accept.</summary>
    public static void CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            var allowed = c is '\t' or '\n' or '\r' or (>= '\x20' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
            if (!allowed)
            {
                throw SqsErrors.InvalidMessageContents();
            }
        }
    }

    /// <summary>Reads <c>MessageAttributes</c> (user attributes), checking names, types and values.</summary>
    public static SortedDictionary<string, SqsAttributeValue> ReadUserAttributes(JsonNode? node)
    {
        var result = new SortedDictionary<string, SqsAttributeValue>(StringComparer.Ordinal);
        if (node is not JsonObject map)
        {
            return result;
        }
        if (map.Count > MaxAttributes)
        {
            throw SqsErrors.InvalidParameterValue($"Number of message attributes [{map.Count}] exceeds the allowed maximum [{MaxAttributes}].");
        }
        foreach (var (name, value) in map)
        {
            CheckName(name);
            result[name] = ReadValue(name, value, "Message (user) attribute");
        }
        return result;
    }

    /// <summary>Reads <c>MessageSystemAttributes</c>: only <c>AWSTraceHeader</c>, a String, is allowed.</summary>
    public static SortedDictionary<string, SqsAttributeValue> ReadSystemAttributes(JsonNode? node)
    {
        var result = new SortedDictionary<string, SqsAttributeValue>(StringComparer.Ordinal);
        if (node is not JsonObject map)
        {
            return result;
        }
        foreach (var (name, value) in map)
        {
            if (name != "AWSTraceHeader")
            {
                throw SqsErrors.InvalidParameterValue($"Message system attribute name '{name}' is invalid.");
            }
            var v = ReadValue(name, value, "Message system attribute");
            if (v.DataType != "String")
            {
                throw SqsErrors.InvalidParameterValue($"The type of message system attribute '{name}' is invalid. You must use only the following supported type: String.");
            }
            result[name] = v;
        }
        return result;
    }

    private static void CheckName(string name)
    {
        var valid = name.Length is > 0 and <= 256
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            && !name.StartsWith('.') && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal)
            && !name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw SqsErrors.InvalidParameterValue($"Message (user) attribute name '{name}' is invalid. The attribute name can contain only A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.), must not start or end with a period or contain two successive periods, and must not start with AWS. or Amazon.");
        }
    }

    private static SqsAttributeValue ReadValue(string name, JsonNode? node, string what)
    {
        if (node is not JsonObject value || !NativeValues.TryGetString(value["DataType"], out var type) || type.Length == 0)
        {
            throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' must contain a non-empty message attribute type.");
        }
        var baseType = type.Split('.', 2)[0];
        if (baseType is not ("String" or "Number" or "Binary") || type.Length > 256)
        {
            throw SqsErrors.InvalidParameterValue($"The type of {what.ToLowerInvariant()} '{name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        }
        if (baseType == "Binary")
        {
            return NativeValues.TryGetBytes(value["BinaryValue"], out var bytes) && bytes.Length > 0
                ? new SqsAttributeValue(type, null, bytes)
                : throw SqsErrors.InvalidParameterValue($"{what} '{name}' must contain a non-empty value of type '{type}'.");
        }
        if (!NativeValues.TryGetString(value["StringValue"], out var text) || text.Length == 0)
        {
            throw SqsErrors.InvalidParameterValue($"{what} '{name}' must contain a non-empty value of type '{type}'.");
        }
        CheckCharacters(text);
        if (baseType == "Number" && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)))
        {
            throw SqsErrors.InvalidParameterValue($"Can't cast the value of message (user) attribute '{name}' to a number.");
        }
        return new SqsAttributeValue(type, text, null);
    }
}
