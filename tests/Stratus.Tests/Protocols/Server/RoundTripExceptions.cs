namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// The conformance cases that cannot round-trip through client and server, each with the reason: the wire
/// form drops a distinction, Smithy specifies the server to read differently, or the server side lacks a
/// feature. Keys are "file: case id" (a case without an id: "file: suite description #n"), as the
/// conformance tool names them. <see cref="ServerRoundTripSuiteTests"/> fails when a listed case round-trips.
/// </summary>
internal static class RoundTripExceptions
{
    private const string EmptyPrefixHeaders = "An empty prefix-header map sends no header; the server cannot tell {} from absent.";
    private const string EmptyListHeader = "An empty list header is not sent; the server cannot tell [] from absent.";
    private const string DefaultContentType = "The member bound to Content-Type reads the client's default application/octet-stream.";
    private const string UnsetStructurePayload = "An unset structure payload is sent as {}; the server reads an empty structure.";
    private const string AllQueryParamsInMap =
        "Smithy servers put every query parameter in an httpQueryParams map, bound ones too (RestJsonServersPutAllQueryParamsInMap); "
        + "the case's params, written from the client's side, leave them out.";
    private const string PrefixHeadersTakeAll =
        "A prefix-header map with an empty prefix takes every response header, so also the x-amzn-RequestId every response carries.";
    private const string UnknownUnionMember =
        "SDK_UNKNOWN_MEMBER is the client's marker for a union member its model lacks; a server writing from the same model cannot produce one.";
    private const string NoEventStreamWriter = "The server side does not write event streams (pass already-encoded messages as a stream).";

    public static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["input/ec2.json: Ec2EmptyQueryLists"] = "ec2 sends no field for an empty list; the server cannot tell [] from absent.",
        ["input/query.json: QueryEmptyQueryMaps"] = "An empty map sends no field at all (botocore's serializer too); the server cannot tell {} from absent.",
        ["input/rest-json.json: RestJsonHttpPrefixHeadersAreNotPresent"] = EmptyPrefixHeaders,
        ["input/rest-json.json: RestJsonOmitsEmptyListQueryValues"] = "An empty query list sends nothing; the server cannot tell [] from absent.",
        ["input/rest-json.json: RestJsonQueryParamsStringListMap"] = AllQueryParamsInMap,
        ["input/rest-json.json: RestJsonHttpWithEmptyBlobPayload"] = DefaultContentType,
        ["input/rest-json.json: RestJsonHttpWithEmptyStructurePayload"] = UnsetStructurePayload,
        ["input/rest-json.json: RestJsonHttpWithHeadersButNoPayload"] = UnsetStructurePayload,
        ["input/rest-xml.json: HttpPrefixHeadersAreNotPresent"] = EmptyPrefixHeaders,
        ["input/rest-xml.json: AllQueryStringTypes"] = AllQueryParamsInMap,
        ["input/rest-xml.json: RestXmlQueryStringEscaping"] = AllQueryParamsInMap,
        ["input/rest-xml.json: RestXmlSupportsNaNFloatQueryValues"] = AllQueryParamsInMap,
        ["input/rest-xml.json: RestXmlSupportsInfinityFloatQueryValues"] = AllQueryParamsInMap,
        ["input/rest-xml.json: RestXmlSupportsNegativeInfinityFloatQueryValues"] = AllQueryParamsInMap,
        ["input/rest-xml.json: RestXmlZeroAndFalseQueryValues"] = AllQueryParamsInMap,
        ["input/rest-xml.json: RestXmlQueryParamsStringListMap"] = AllQueryParamsInMap,
        ["legacy/input/rest-json.json: Structure payload #2"] = UnsetStructurePayload,
        ["legacy/input/rest-json.json: Content-Type and JSON body #3"] = UnsetStructurePayload,
        ["legacy/input/rest-json.json: Content-Type and JSON body #5"] = UnsetStructurePayload,
        ["legacy/input/rest-json.json: Content-Type and JSON body #7"] = DefaultContentType,
        ["legacy/input/rest-json.json: Content-Type and JSON body #8"] = DefaultContentType,
        ["legacy/input/rest-json.json: List in header #2"] = EmptyListHeader,
        ["legacy/input/rest-xml.json: List in header #2"] = EmptyListHeader,
        ["output/rest-json.json: HttpPrefixHeadersResponse"] = PrefixHeadersTakeAll,
        ["legacy/output/rest-json.json: Supports header maps #1"] = PrefixHeadersTakeAll,
        ["legacy/output/rest-json.json: Tagged Unions #3"] = UnknownUnionMember,
        ["legacy/output/rest-xml.json: Unions #3"] = UnknownUnionMember,
        ["legacy/output/json.json: RPC JSON Event Stream #1"] = NoEventStreamWriter,
        ["legacy/output/rest-xml.json: REST XML Event Stream #1"] = NoEventStreamWriter,
        ["legacy/output/rest-xml.json: REST XML Event Stream #2"] = NoEventStreamWriter,
        ["legacy/output/rest-xml.json: REST XML Event Stream #3"] = NoEventStreamWriter,
    };
}
