using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Tests.Protocols;

/// <summary>Tiny service models and responses for the XML protocol tests.</summary>
internal static class XmlTestModels
{
    /// <summary>A one-operation query service whose output has one string member.</summary>
    public static OperationModel QueryOperation() => Build("query", """
        {"GetThing": {"name": "GetThing", "http": {"method": "POST", "requestUri": "/"},
                      "output": {"shape": "GetThingOutput", "resultWrapper": "GetThingResult"}}}
        """, """
        {"GetThingOutput": {"type": "structure", "members": {"Name": {"shape": "String"}}},
         "String": {"type": "string"}}
        """, "GetThing");

    /// <summary>An S3-like rest-xml service: GetObject (streaming output) and PutObject (streaming input).</summary>
    public static OperationModel RestXmlOperation(string name) => Build("rest-xml", """
        {"GetObject": {"name": "GetObject", "http": {"method": "GET", "requestUri": "/{Bucket}/{Key+}"},
                       "input": {"shape": "GetObjectRequest"}, "output": {"shape": "GetObjectOutput"}},
         "PutObject": {"name": "PutObject", "http": {"method": "PUT", "requestUri": "/{Bucket}/{Key+}"},
                       "input": {"shape": "PutObjectRequest"}, "output": {"shape": "PutObjectOutput"}}}
        """, """
        {"GetObjectRequest": {"type": "structure", "required": ["Bucket", "Key"], "members": {
            "Bucket": {"shape": "String", "location": "uri", "locationName": "Bucket"},
            "Key": {"shape": "String", "location": "uri", "locationName": "Key"}}},
         "GetObjectOutput": {"type": "structure", "payload": "Body", "members": {
            "Body": {"shape": "Body"},
            "ContentLength": {"shape": "Long", "location": "header", "locationName": "Content-Length"},
            "ETag": {"shape": "String", "location": "header", "locationName": "ETag"}}},
         "PutObjectRequest": {"type": "structure", "required": ["Bucket", "Key"], "payload": "Body", "members": {
            "Bucket": {"shape": "String", "location": "uri", "locationName": "Bucket"},
            "Key": {"shape": "String", "location": "uri", "locationName": "Key"},
            "Body": {"shape": "Body"}}},
         "PutObjectOutput": {"type": "structure", "members": {
            "ETag": {"shape": "String", "location": "header", "locationName": "ETag"}}},
         "Body": {"type": "blob", "streaming": true},
         "Long": {"type": "long"},
         "String": {"type": "string"}}
        """, name);

    /// <summary>A response with the given status, headers and UTF-8 body.</summary>
    public static RawResponse Response(int status, string body, params (string Name, string Value)[] headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (n, v) in headers)
        {
            map[n] = v;
        }
        return new RawResponse(status, map, Encoding.UTF8.GetBytes(body));
    }

    private static OperationModel Build(string protocol, string operations, string shapes, string name)
    {
        var doc = new JsonObject
        {
            ["metadata"] = new JsonObject { ["protocol"] = protocol, ["apiVersion"] = "2020-01-01" },
            ["operations"] = JsonNode.Parse(operations),
            ["shapes"] = JsonNode.Parse(shapes),
        };
        return ServiceModel.Parse("test", Encoding.UTF8.GetBytes(doc.ToJsonString())).GetOperation(name);
    }
}
