using System.Runtime.CompilerServices;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Rest;

/// <summary>
/// Finds the operation a REST request (rest-json, rest-xml) calls: its method and path are matched
/// against every operation's request URI template (labels, greedy labels), and the template's literal
/// query parts (<c>?uploads</c>, <c>?list-type=2</c>) must be present (<c>x-id</c> may be left out, as
/// clients other than the SDKs do). Of several matches the most specific wins, as Smithy routes: literal
/// path segments over labels, segment by segment, then the longer template; then more literal query
/// parts; then the operation whose required header and query members the request carries (S3's
/// PutObject, UploadPart and CopyObject share <c>PUT /{Bucket}/{Key+}</c>); then an operation not deprecated
/// (S3's GetBucketLifecycleConfiguration over GetBucketLifecycle, both <c>GET /{Bucket}?lifecycle</c>); then the model's order.
/// A path with a trailing <c>/</c> no template matches is matched without it (<c>/bucket/</c> is the bucket).
/// </summary>
public static class RestRequestMatcher
{
    private static readonly ConditionalWeakTable<ServiceModel, RestUriTemplate[]> ServiceTemplates = new();
    private static readonly ConditionalWeakTable<OperationModel, RestUriTemplate> OperationTemplates = new();

    /// <summary>Finds the operation a request calls, or null when no template matches.</summary>
    public static OperationModel? FindOperation(ServiceModel service, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        return Find(service, request, path) ?? (RestUriTemplate.WithoutTrailingSlash(path) is { } trimmed ? Find(service, request, trimmed) : null);
    }

    private static OperationModel? Find(ServiceModel service, ServerRequest request, string path)
    {
        RestUriTemplate? best = null;
        (int Query, int Required, int Current) bestScore = default;
        foreach (var template in ServiceTemplates.GetValue(service, BuildTemplates))
        {
            if (!string.Equals(template.Operation.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)
                || !template.MatchQuery(request, out var query)
                || !template.MatchesPath(path))
            {
                continue;
            }
            var score = (query, RequiredBindings(template.Operation, request), template.Operation.Deprecated ? 0 : 1);
            var byPath = best is null ? 1 : template.ComparePath(best);
            if (byPath > 0 || (byPath == 0 && score.CompareTo(bestScore) > 0))
            {
                best = template;
                bestScore = score;
            }
        }
        return best?.Operation;
    }

    /// <summary>
    /// The decoded URI label values of a request path for an operation's template (the path without a trailing
    /// <c>/</c> when only that matches), or null when the path does not match it.
    /// </summary>
    public static Dictionary<string, string>? MatchLabels(OperationModel operation, string path)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(path);
        var template = OperationTemplates.GetValue(operation, RestUriTemplate.Parse);
        return template.MatchPath(path) ?? (RestUriTemplate.WithoutTrailingSlash(path) is { } trimmed ? template.MatchPath(trimmed) : null);
    }

    /// <summary>The literal query keys of an operation's template (bound by the template, not by any member).</summary>
    internal static IEnumerable<string> LiteralQueryKeys(OperationModel operation) =>
        OperationTemplates.GetValue(operation, RestUriTemplate.Parse).QueryLiterals.Select(p => p.Key);

    // Tells apart operations that share a template (S3's GetObject and ListParts, PutObject, UploadPart and
    // CopyObject): each required header or query member the request lacks counts against an operation, each it carries
    // for it. A missing one does not rule the operation out: alone on its route, it is still the operation called, and
    // its missing member is for the service to report.
    private static int RequiredBindings(OperationModel operation, ServerRequest request)
    {
        var score = 0;
        if (operation.Input is { } shape)
        {
            foreach (var name in shape.Required)
            {
                if (shape.Members.TryGetValue(name, out var member) && member.Location is "header" or "querystring")
                {
                    var present = member.Location == "header" ? request.Header(member.WireName) is not null : request.HasQuery(member.WireName);
                    score += present ? 1 : -100;
                }
            }
        }
        return score;
    }

    private static RestUriTemplate[] BuildTemplates(ServiceModel service) =>
        service.OperationNames.Select(n => OperationTemplates.GetValue(service.GetOperation(n), RestUriTemplate.Parse)).ToArray();
}
