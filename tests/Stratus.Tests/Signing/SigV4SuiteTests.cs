using Stratus.Tests.TestSupport;
using Stratus.Conformance;

namespace Stratus.Tests.Signing;

/// <summary>The classic AWS SigV4 suite and the aws-c-auth suite, read in place.</summary>
public class SigV4SuiteTests
{
    public static TheoryData<string> ClassicCases() => Cases("sigv4", SigV4Suite.FindCases);

    public static TheoryData<string> AwsCAuthCases() => Cases("signing/aws-c-auth", SigningSuite.FindCases);

    [ConformanceTheory("sigv4")]
    [MemberData(nameof(ClassicCases))]
    public void Classic_case_passes(string relative)
    {
        var dir = Path.Combine(ConformancePaths.Find("sigv4")!, relative);
        var failure = SigV4Suite.RunCase(dir);
        Assert.True(failure is null, $"{relative}:\n{failure}");
    }

    [ConformanceTheory("signing/aws-c-auth")]
    [MemberData(nameof(AwsCAuthCases))]
    public void AwsCAuth_case_passes(string relative)
    {
        var dir = Path.Combine(ConformancePaths.Find("signing/aws-c-auth")!, relative);
        var outcome = SigningSuite.RunCase(dir);
        Assert.True(outcome.Failure is null, $"{relative}:\n{outcome.Failure}");
        if (outcome.Skipped is not null)
        {
            // Only the two v4a cases published without expectations may be skipped.
            Assert.Contains(Path.GetFileName(relative), new[] { "get-vanilla-query-order-key", "get-vanilla-query-order-value" });
        }
    }

    [ConformanceFact("sigv4")]
    public void Classic_runner_reports_every_case_passed()
    {
        var output = new StringWriter();
        var code = SigV4Suite.Run(ConformancePaths.Find("sigv4")!, output);
        var text = output.ToString();
        Assert.True(code == 0, text);
        Assert.Equal("34 passed, 0 failed", text.TrimEnd().Split('\n')[^1]);
    }

    [ConformanceFact("signing/aws-c-auth")]
    public void AwsCAuth_runner_reports_zero_failures()
    {
        foreach (var (folder, expected) in new[] { ("v4", "38 passed, 0 failed"), ("v4a", "38 passed, 0 failed, 2 skipped") })
        {
            var output = new StringWriter();
            var code = SigningSuite.Run(ConformancePaths.Find("signing/aws-c-auth/" + folder)!, output);
            var text = output.ToString();
            Assert.True(code == 0, text);
            Assert.Equal(expected, text.TrimEnd().Split('\n')[^1]);
        }
    }

    private static TheoryData<string> Cases(string relative, Func<string, IReadOnlyList<string>> find)
    {
        var data = new TheoryData<string>();
        var root = ConformancePaths.Find(relative);
        if (root is null)
        {
            data.Add("(absent)"); // the theory is skipped; a row keeps xunit from reporting "no data"
            return data;
        }
        foreach (var dir in find(root))
        {
            data.Add(Path.GetRelativePath(root, dir));
        }
        return data;
    }
}
