using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Conformance;

/// <summary>
/// Runs the botocore protocol test suites (input: serializer cases; output: parser cases) in the
/// layout of <c>shared/conformance/protocols</c>. Cases in the suite's own ignore list are skipped;
/// failures listed in <c>known-failures.json</c> beside this tool are reported but do not fail the run.
/// </summary>
public static class ProtocolSuite
{
    /// <summary>The idempotency token the suites expect when one is filled automatically.</summary>
    public const string FixedToken = "00000000-0000-4000-8000-000000000000";

    /// <summary>Runs every suite file under <paramref name="dir"/> and prints the result.</summary>
    public static int Run(string dir, TextWriter output)
    {
        var result = RunAll(dir);
        foreach (var f in result.Failures)
        {
            output.WriteLine("FAIL " + f);
        }
        foreach (var f in result.KnownFailures)
        {
            output.WriteLine("KNOWN " + f);
        }
        output.WriteLine(result.Summary);
        return result.Ok ? 0 : 1;
    }

    /// <summary>Runs every suite file under <paramref name="dir"/>.</summary>
    public static SuiteResult RunAll(string dir, string? onlyFile = null)
    {
        var result = new SuiteResult();
        var ignore = IgnoreList.Load(Path.Combine(dir, "protocol-tests-ignore-list.json"));
        var known = KnownFailures.Load();
        foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(dir, file).Replace('\\', '/');
            var parts = rel.Split('/');
            if (parts.Length < 2 || (onlyFile is not null && rel != onlyFile))
            {
                continue;
            }
            var kind = parts[^2];
            if (kind is not ("input" or "output"))
            {
                continue;
            }
            var legacy = parts[0] == "legacy";
            var protocolFile = Path.GetFileNameWithoutExtension(file);
            var suites = JsonNode.Parse(File.ReadAllBytes(file)) as JsonArray ?? [];
            foreach (var suite in suites.OfType<JsonObject>())
            {
                var description = suite["description"]?.GetValue<string>() ?? "";
                var caseIndex = 0;
                foreach (var c in (suite["cases"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    caseIndex++;
                    var id = c["id"]?.GetValue<string>();
                    var name = $"{rel}: {id ?? description + " #" + caseIndex}";
                    if (!legacy && ignore.Ignores(protocolFile, kind, description, id))
                    {
                        result.Skipped.Add(name + " (in protocol-tests-ignore-list.json)");
                        continue;
                    }
                    string? error;
                    try
                    {
                        error = kind == "input" ? ProtocolCase.RunInput(suite, c) : ProtocolCase.RunOutput(suite, c);
                    }
                    catch (Exception e)
                    {
                        error = e.GetType().Name + ": " + e.Message;
                    }
                    if (error is null)
                    {
                        result.Passed++;
                    }
                    else if (known.TryGetValue(name, out var reason))
                    {
                        result.KnownFailures.Add($"{name}: {error} [known: {reason}]");
                    }
                    else
                    {
                        result.Failures.Add($"{name}: {error}");
                    }
                }
            }
        }
        return result;
    }
}
