namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// The conformance cases that cannot round-trip through client and server, each with the reason: the wire
/// form drops a distinction, or Smithy specifies the server to read differently. Keys are "file: case id".
/// </summary>
internal static class RoundTripExceptions
{
    public static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["input/rest-json.json: RestJsonHttpPrefixHeadersAreNotPresent"] =
            "An empty prefix-header map sends no header; the server cannot tell {} from absent.",
        ["input/rest-json.json: RestJsonOmitsEmptyListQueryValues"] =
            "An empty query list sends nothing; the server cannot tell [] from absent.",
        ["input/rest-json.json: RestJsonQueryParamsStringListMap"] =
            "Smithy servers put every query parameter in an httpQueryParams map, bound ones too (RestJsonServersPutAllQueryParamsInMap); clients leave bound keys out.",
        ["input/rest-json.json: RestJsonHttpWithEmptyBlobPayload"] =
            "The member bound to Content-Type reads the client's default application/octet-stream.",
        ["input/rest-json.json: RestJsonHttpWithEmptyStructurePayload"] =
            "An unset structure payload is sent as {}; the server reads an empty structure.",
        ["input/rest-json.json: RestJsonHttpWithHeadersButNoPayload"] =
            "An unset structure payload is sent as {}; the server reads an empty structure.",
        ["output/rest-json.json: HttpPrefixHeadersResponse"] =
            "A prefix-header map with an empty prefix takes every response header, so also the x-amzn-RequestId every response carries.",
    };
}
