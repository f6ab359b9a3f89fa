using System.Text;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Conformance;

/// <summary>
/// Runs the classic AWS SigV4 test suite (<c>.req</c>, <c>.creq</c>, <c>.sts</c>, <c>.authz</c>,
/// <c>.sreq</c> per case folder) with its fixed inputs, comparing canonical request, string to sign and
/// Authorization header.
/// </summary>
public static class SigV4Suite
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    /// <summary>One case's outcome: null when it passed, else the failure report.</summary>
    public static string? RunCase(string caseDir)
    {
        ArgumentNullException.ThrowIfNull(caseDir);
        var name = Path.GetFileName(caseDir);
        var file = Path.Combine(caseDir, name);
        var raw = RawHttpRequest.Parse(File.ReadAllText(file + ".req", Encoding.UTF8));
        var request = SuiteSupport.ToSigningRequest(raw);

        // The session token is an input the .req does not show: the signer adds it, so it is found in
        // the .sreq only. post-sts-header-after adds it after signing (post-sts-token/readme.txt).
        string? token = null;
        var signedRaw = RawHttpRequest.Parse(File.ReadAllText(file + ".sreq", Encoding.UTF8));
        if (!request.Headers.ContainsKey("X-Amz-Security-Token"))
        {
            token = signedRaw.Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)).Value;
        }
        var credentials = new AwsCredentials(AccessKeyId, Secret, token);
        var options = new SigV4Options
        {
            Region = "us-east-1",
            Service = "service",
            Time = Time,
            PayloadHash = PayloadHash.Compute(raw.Body),
            OmitSessionToken = name == "post-sts-header-after",
        };

        var result = SigV4Signer.Sign(request, credentials, options);
        var failures = new StringBuilder();
        SuiteSupport.Check("canonical request", SuiteSupport.ReadText(file + ".creq"), result.CanonicalRequest, failures);
        SuiteSupport.Check("string to sign", SuiteSupport.ReadText(file + ".sts"), result.StringToSign, failures);
        SuiteSupport.Check("authorization", SuiteSupport.ReadText(file + ".authz"), result.Authorization ?? "", failures);
        return failures.Length == 0 ? null : failures.ToString();
    }

    /// <summary>The case folders under <paramref name="dir"/>: those holding <c>&lt;folder&gt;.req</c>.</summary>
    public static IReadOnlyList<string> FindCases(string dir) =>
        Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories)
            .Prepend(dir)
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".req")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs every case under <paramref name="dir"/>, prints each failure, ends with the count line.</summary>
    public static int Run(string dir, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Directory.Exists(dir))
        {
            output.WriteLine($"no such folder: {dir}");
            return SuiteSupport.Finish(output, 0, 1, 0);
        }
        int passed = 0, failed = 0;
        foreach (var caseDir in FindCases(dir))
        {
            var name = Path.GetRelativePath(dir, caseDir);
            string? failure;
            try
            {
                failure = RunCase(caseDir);
            }
            catch (Exception ex) when (ex is IOException or FormatException or ArgumentException or InvalidOperationException)
            {
                failure = "  threw " + ex.GetType().Name + ": " + ex.Message + Environment.NewLine;
            }
            if (failure is null)
            {
                passed++;
                continue;
            }
            failed++;
            output.WriteLine($"FAIL {name}");
            output.Write(failure);
        }
        return SuiteSupport.Finish(output, passed, failed, 0);
    }
}
