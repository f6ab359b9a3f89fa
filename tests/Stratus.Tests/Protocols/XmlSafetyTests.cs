using System.Xml;
using Stratus.Protocols;

namespace Stratus.Tests.Protocols;

/// <summary>Response XML cannot declare entities: a DOCTYPE is refused, so nothing is ever expanded or fetched.</summary>
public sealed class XmlSafetyTests
{
    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE GetThingResponse [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <GetThingResponse><GetThingResult><Name>&xxe;</Name></GetThingResult></GetThingResponse>
        """;

    private const string EntityBomb = """
        <?xml version="1.0"?>
        <!DOCTYPE GetThingResponse [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <GetThingResponse><GetThingResult><Name>&c;</Name></GetThingResult></GetThingResponse>
        """;

    [Theory]
    [InlineData(ExternalEntity)]
    [InlineData(EntityBomb)]
    public void Response_with_a_doctype_is_rejected(string body)
    {
        var operation = XmlTestModels.QueryOperation();
        var protocol = ProtocolRegistry.For(operation.Service);
        Assert.Throws<XmlException>(() => protocol.ParseResponse(operation, XmlTestModels.Response(200, body)));
    }

    [Fact]
    public void Error_with_a_doctype_is_not_expanded()
    {
        var operation = XmlTestModels.QueryOperation();
        var protocol = ProtocolRegistry.For(operation.Service);
        var body = ExternalEntity.Replace("<GetThingResponse><GetThingResult><Name>&xxe;</Name></GetThingResult></GetThingResponse>",
            "<ErrorResponse><Error><Code>&xxe;</Code><Message>&xxe;</Message></Error></ErrorResponse>", StringComparison.Ordinal);
        var error = protocol.ParseError(operation, XmlTestModels.Response(400, body));
        Assert.Equal("400", error.Code);
        Assert.DoesNotContain("root", error.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_response_is_parsed()
    {
        var operation = XmlTestModels.QueryOperation();
        var protocol = ProtocolRegistry.For(operation.Service);
        var result = protocol.ParseResponse(operation, XmlTestModels.Response(200,
            "<GetThingResponse><GetThingResult><Name>x</Name></GetThingResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetThingResponse>"));
        Assert.Equal("x", (string?)result["Name"]);
        Assert.Equal("r-1", (string?)result["ResponseMetadata"]?["RequestId"]);
    }
}
