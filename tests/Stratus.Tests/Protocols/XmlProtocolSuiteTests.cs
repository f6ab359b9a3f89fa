using Stratus.Tests.TestSupport;
using Stratus.Conformance;

namespace Stratus.Tests.Protocols;

/// <summary>The botocore suites of the XML protocols (query, ec2, rest-xml), one file at a time.</summary>
public sealed class XmlProtocolSuiteTests
{
    [ConformanceTheory("protocols")]
    [InlineData("input/query.json")]
    [InlineData("input/ec2.json")]
    [InlineData("input/rest-xml.json")]
    [InlineData("output/query.json")]
    [InlineData("output/ec2.json")]
    [InlineData("output/rest-xml.json")]
    [InlineData("legacy/input/query.json")]
    [InlineData("legacy/input/ec2.json")]
    [InlineData("legacy/input/rest-xml.json")]
    [InlineData("legacy/output/query.json")]
    [InlineData("legacy/output/ec2.json")]
    [InlineData("legacy/output/rest-xml.json")]
    public void Suite_file_passes(string file)
    {
        var result = ProtocolSuite.RunAll(ConformancePaths.Find("protocols")!, file);
        Assert.True(result.Passed > 0, $"{file}: no case ran");
        Assert.True(result.Failures.Count == 0, string.Join(Environment.NewLine, result.Failures));
    }
}
