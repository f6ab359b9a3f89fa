using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols;

/// <summary>
/// The base of the protocol implementations: the steps every protocol shares (method, host
/// prefix) are done here once; a protocol fills in the body, path, query and headers.
/// </summary>
public abstract class WireProtocol : IWireProtocol
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public SerializedRequest SerializeRequest(OperationModel operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        var request = new SerializedRequest { Method = operation.HttpMethod };
        Serialize(operation, input, request);
        if (operation.HostPrefix is { } prefix)
        {
            request.HostPrefix = ExpandHostPrefix(operation, prefix, input);
        }
        return request;
    }

    /// <summary>Fills the request (path, query, headers, body) from the input.</summary>
    protected abstract void Serialize(OperationModel operation, JsonObject input, SerializedRequest request);

    /// <inheritdoc />
    public abstract JsonObject ParseResponse(OperationModel operation, RawResponse response);

    /// <inheritdoc />
    public abstract ParsedError ParseError(OperationModel operation, RawResponse response);

    /// <summary>Replaces <c>{Label}</c> in a host prefix with the input's hostLabel members, each a valid host label.</summary>
    internal static string ExpandHostPrefix(OperationModel operation, string template, JsonObject input) =>
        UriTemplate.Expand(template, (name, _) =>
        {
            if (!NativeValues.TryGetString(input[name], out var value) || value.Length == 0)
            {
                throw new ArgumentException($"{operation}: the host label '{name}' is missing or empty.", name);
            }
            return IsValidHostLabel(value) ? value : throw new ArgumentException($"{operation}: '{value}' given for '{name}' is not a valid host label.", name);
        });

    private static bool IsValidHostLabel(string s)
    {
        if (s.Length is 0 or > 63 || s[0] == '-')
        {
            return false;
        }
        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
