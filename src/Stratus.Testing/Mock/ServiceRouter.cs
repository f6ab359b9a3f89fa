using System.Text;
using System.Text.RegularExpressions;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>
/// Decides which mocked service a request is for, as AWS's front doors do by host name, but here with
/// one endpoint for all: the signing scope (Authorization or X-Amz-Credential), then X-Amz-Target,
/// then the host name, then the query Action, then S3 (whose requests carry none of these when unsigned).
/// </summary>
internal sealed partial class ServiceRouter
{
    private readonly Dictionary<string, (IMockService Service, ServiceModel Model)> _byName = new(StringComparer.Ordinal);

    public void Add(IMockService service, ServiceModel model) => _byName[service.Name] = (service, model);

    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(string name, out IMockService service, out ServiceModel model)
    {
        if (_byName.TryGetValue(name, out var entry))
        {
            (service, model) = entry;
            return true;
        }
        service = null!;
        model = null!;
        return false;
    }

    /// <summary>The service name and the region the request names (null when it names none).</summary>
    public (string? Service, string? Region) Route(ServerRequest request, Func<string?> readAction)
    {
        if (Scope(request) is { } scope)
        {
            var byScope = _byName.Values.FirstOrDefault(e => e.Model.Metadata.SigningName == scope.Service || e.Service.Name == scope.Service);
            if (byScope.Service is not null)
            {
                return (byScope.Service.Name, scope.Region);
            }
        }
        if (request.Header("X-Amz-Target") is { } target)
        {
            var prefix = target.Split('.')[0];
            foreach (var (name, (_, model)) in _byName)
            {
                if (string.Equals(model.Metadata.TargetPrefix, prefix, StringComparison.Ordinal))
                {
                    return (name, null);
                }
            }
        }
        var host = request.Host.Split(':')[0];
        foreach (var (name, (_, model)) in _byName)
        {
            var p = model.Metadata.EndpointPrefix;
            if (host.StartsWith(p + ".", StringComparison.Ordinal) || host.Contains("." + p + ".", StringComparison.Ordinal))
            {
                return (name, null);
            }
        }
        if (readAction() is { } action)
        {
            foreach (var (name, (_, model)) in _byName)
            {
                if (model.Metadata.Protocols.Any(p => p is "query" or "ec2" or "json") && model.TryGetOperation(action, out var op) && op.Name == action)
                {
                    return (name, null);
                }
            }
        }
        return (_byName.ContainsKey("s3") ? "s3" : null, null);
    }

    /// <summary>The signing scope's service and region, from the Authorization header or a presigned URL.</summary>
    public static (string Service, string Region, string AccessKeyId)? Scope(ServerRequest request)
    {
        var credential = request.Header("Authorization") is { } auth && auth.StartsWith("AWS4-", StringComparison.Ordinal)
            ? CredentialInHeader().Match(auth) is { Success: true } m ? m.Groups[1].Value : null
            : request.QueryValue("X-Amz-Credential");
        if (credential is null)
        {
            return null;
        }
        var parts = credential.Split('/');
        return parts.Length >= 5 ? (parts[3], parts[2], parts[0]) : null;
    }

    [GeneratedRegex("Credential=([^,\\s]+)")]
    private static partial Regex CredentialInHeader();

    /// <summary>The Action of a query-protocol request: from the query string, or a form body.</summary>
    public static string? Action(ServerRequest request, ReadOnlyMemory<byte> body)
    {
        if (request.QueryValue("Action") is { } a)
        {
            return a;
        }
        if (request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var pair in Encoding.UTF8.GetString(body.Span).Split('&'))
            {
                if (pair.StartsWith("Action=", StringComparison.Ordinal))
                {
                    return Uri.UnescapeDataString(pair[7..].Replace('+', ' '));
                }
            }
        }
        return null;
    }
}
