using Stratus.Tests.TestSupport;
using Stratus.Conformance;

namespace Stratus.Tests.Endpoints;

public class EndpointConformanceTests
{
    [ConformanceTheory("endpoints")]
    [InlineData("s3")]
    [InlineData("dynamodb")]
    [InlineData("sts")]
    [InlineData("ec2")]
    [InlineData("sqs")]
    public void Service_suite_has_no_failures(string service)
    {
        var result = EndpointSuite.RunAll(ConformancePaths.Find("endpoints")!, service);
        Assert.True(result.Failures.Count == 0, $"{result.Summary}\n" + string.Join("\n", result.Failures));
        Assert.True(result.Passed > 0, $"no {service} cases ran");
        Assert.Empty(result.Skipped);
    }
}
