using System.Formats.Cbor;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Stratus.Conformance;

/// <summary>Compares request bodies structurally, as the suites ask: JSON parsed, XML canonicalized, forms as pairs, CBOR decoded.</summary>
internal static class BodyComparer
{
    public static string? Diff(string protocol, string expected, byte[] actual)
    {
        var actualText = Encoding.UTF8.GetString(actual);
        switch (protocol)
        {
            case "smithy-rpc-v2-cbor":
                var e = expected.Length == 0 ? null : CborJson.Decode(Convert.FromBase64String(expected));
                var a = actual.Length == 0 ? null : CborJson.Decode(actual);
                return ValueComparer.Diff("body", e, a);
            case "json":
            case "rest-json":
                if (TryJson(expected, out var ej) && TryJson(actualText, out var aj))
                {
                    return ValueComparer.Diff("body", ej, aj);
                }
                break;
            case "rest-xml":
                if (expected.TrimStart().StartsWith('<') && TryXml(expected, out var ex) && TryXml(actualText, out var ax))
                {
                    return XNode.DeepEquals(ex, ax) ? null : $"body: expected {ex}, got {ax}";
                }
                break;
            case "query":
            case "ec2":
                var ep = expected.Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
                var ap = actualText.Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
                return ep.SequenceEqual(ap) ? null : $"body: expected {expected}, got {actualText}";
        }
        return expected == actualText ? null : $"body: expected '{expected}', got '{actualText}'";
    }

    private static bool TryJson(string text, out JsonNode? node)
    {
        node = null;
        if (text.Length == 0)
        {
            return true;
        }
        try
        {
            node = JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static bool TryXml(string text, out XElement? element)
    {
        element = null;
        try
        {
            element = Canonical(XElement.Parse(text));
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    private static XElement Canonical(XElement e)
    {
        var copy = new XElement(e.Name, e.Attributes().Where(a => !a.IsNamespaceDeclaration || true).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal));
        if (e.HasElements)
        {
            foreach (var child in e.Elements())
            {
                copy.Add(Canonical(child));
            }
        }
        else
        {
            copy.Value = e.Value;
        }
        return copy;
    }
}
