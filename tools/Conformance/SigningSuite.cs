using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Conformance;

/// <summary>
/// Runs the aws-c-auth signing suite (a <c>context.json</c> per case) in header and query mode. SigV4
/// results are compared exactly; SigV4a canonical request and string to sign are compared exactly and
/// its randomized signatures are verified against the case's <c>public-key.json</c>.
/// </summary>
public static class SigningSuite
{
    /// <summary>One case's outcome.</summary>
    /// <param name="Skipped">The reason it was not run, or null.</param>
    /// <param name="Failure">The failure report, or null when it passed or was skipped.</param>
    public readonly record struct Outcome(string? Skipped, string? Failure);

    /// <summary>The case folders under <paramref name="dir"/> (any depth): those holding <c>context.json</c>.</summary>
    public static IReadOnlyList<string> FindCases(string dir) =>
        Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories)
            .Prepend(dir)
            .Where(d => File.Exists(Path.Combine(d, "context.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs one case folder.</summary>
    public static Outcome RunCase(string caseDir)
    {
        ArgumentNullException.ThrowIfNull(caseDir);
        if (!File.Exists(Path.Combine(caseDir, "header-canonical-request.txt")))
        {
            return new Outcome("no expected results in the case folder (context.json and request.txt only)", null);
        }
        var v4a = IsV4a(caseDir);
        var failures = new StringBuilder();
        foreach (var mode in new[] { "header", "query" })
        {
            RunMode(caseDir, mode, v4a, failures);
        }
        return new Outcome(null, failures.Length == 0 ? null : failures.ToString());
    }

    /// <summary>Runs every case under <paramref name="dir"/> (a <c>v4</c> or <c>v4a</c> folder or their parent).</summary>
    public static int Run(string dir, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Directory.Exists(dir))
        {
            output.WriteLine($"no such folder: {dir}");
            return SuiteSupport.Finish(output, 0, 1, 0);
        }
        int passed = 0, failed = 0, skipped = 0;
        foreach (var caseDir in FindCases(dir))
        {
            var name = Path.GetRelativePath(dir, caseDir);
            Outcome outcome;
            try
            {
                outcome = RunCase(caseDir);
            }
            catch (Exception ex) when (ex is IOException or FormatException or ArgumentException or InvalidOperationException or JsonException or CryptographicException or KeyNotFoundException)
            {
                outcome = new Outcome(null, "  threw " + ex.GetType().Name + ": " + ex.Message + Environment.NewLine);
            }
            if (outcome.Skipped is not null)
            {
                skipped++;
                output.WriteLine($"SKIP {name}: {outcome.Skipped}");
            }
            else if (outcome.Failure is null)
            {
                passed++;
            }
            else
            {
                failed++;
                output.WriteLine($"FAIL {name}");
                output.Write(outcome.Failure);
            }
        }
        return SuiteSupport.Finish(output, passed, failed, skipped);
    }

    private static bool IsV4a(string caseDir) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(caseDir).TrimEnd(Path.DirectorySeparatorChar))) == "v4a"
        || SuiteSupport.ReadText(Path.Combine(caseDir, "header-string-to-sign.txt")).StartsWith(StringToSign.SigV4aAlgorithm, StringComparison.Ordinal);

    private static void RunMode(string caseDir, string mode, bool v4a, StringBuilder failures)
    {
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "context.json")));
        var root = context.RootElement;
        var creds = root.GetProperty("credentials");
        var credentials = new AwsCredentials(
            creds.GetProperty("access_key_id").GetString()!,
            creds.GetProperty("secret_access_key").GetString()!,
            creds.TryGetProperty("token", out var token) ? token.GetString() : null);
        var raw = RawHttpRequest.Parse(File.ReadAllText(Path.Combine(caseDir, "request.txt"), Encoding.UTF8));
        var request = SuiteSupport.ToSigningRequest(raw);
        var options = new SigV4Options
        {
            Region = root.GetProperty("region").GetString()!,
            Service = root.GetProperty("service").GetString()!,
            Time = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            PayloadHash = PayloadHash.Compute(raw.Body),
            DoubleEncodePath = true,
            NormalizePath = Flag(root, "normalize"),
            AddContentSha256Header = Flag(root, "sign_body"),
            OmitSessionToken = Flag(root, "omit_session_token"),
            Expires = TimeSpan.FromSeconds(root.TryGetProperty("expiration_in_seconds", out var exp) ? exp.GetInt64() : 3600),
        };

        var header = mode == "header";
        var result = (header, v4a) switch
        {
            (true, false) => SigV4Signer.Sign(request, credentials, options),
            (false, false) => SigV4Signer.Presign(request, credentials, options),
            (true, true) => SigV4aSigner.Sign(request, credentials, options),
            (false, true) => SigV4aSigner.Presign(request, credentials, options),
        };
        var file = (string suffix) => Path.Combine(caseDir, $"{mode}-{suffix}");
        SuiteSupport.Check($"{mode} canonical request", SuiteSupport.ReadText(file("canonical-request.txt")), result.CanonicalRequest, failures);
        SuiteSupport.Check($"{mode} string to sign", SuiteSupport.ReadText(file("string-to-sign.txt")), result.StringToSign, failures);
        if (!v4a)
        {
            SuiteSupport.Check($"{mode} signature", SuiteSupport.ReadText(file("signature.txt")).Trim(), result.Signature, failures);
            if (header)
            {
                var signed = RawHttpRequest.Parse(File.ReadAllText(file("signed-request.txt"), Encoding.UTF8));
                var expected = signed.Headers.First(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;
                SuiteSupport.Check($"{mode} authorization", expected, result.Authorization ?? "", failures);
            }
            return;
        }

        using var publicKey = LoadPublicKey(Path.Combine(caseDir, "public-key.json"));
        if (!SigV4aSigner.Verify(publicKey, result.StringToSign, result.Signature))
        {
            SuiteSupport.Fail($"{mode} signature does not verify against public-key.json", failures);
        }
        if (header)
        {
            // Our derived key must be the suite's: same public point.
            using var ours = SigV4aKey.CreateEcdsa(credentials);
            var q = ours.ExportParameters(false).Q;
            var theirs = publicKey.ExportParameters(false).Q;
            if (!q.X.AsSpan().SequenceEqual(theirs.X) || !q.Y.AsSpan().SequenceEqual(theirs.Y))
            {
                SuiteSupport.Fail("derived public key differs from public-key.json", failures);
            }
        }
    }

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static ECDsa LoadPublicKey(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Convert.FromHexString(doc.RootElement.GetProperty("X").GetString()!),
                Y = Convert.FromHexString(doc.RootElement.GetProperty("Y").GetString()!),
            },
        };
        return ECDsa.Create(parameters);
    }
}
