using System.Text;
using Stratus.Signing;

namespace Stratus.Conformance;

/// <summary>What the signing suites share: reading expectation files, building the request to sign, reporting.</summary>
internal static class SuiteSupport
{
    /// <summary>Reads an expectation file with CR removed (the suites were written on several platforms).</summary>
    internal static string ReadText(string path) => File.ReadAllText(path, Encoding.UTF8).Replace("\r", "", StringComparison.Ordinal);

    /// <summary>
    /// Turns a parsed raw request into a signing request: the target's path goes in as sent, its query
    /// is percent-decoded into pairs, and repeated headers are joined with ',' in order.
    /// </summary>
    internal static SigningRequest ToSigningRequest(RawHttpRequest raw)
    {
        var request = new SigningRequest { Method = raw.Method, Path = raw.Path };
        HttpRequestAdapter.ParseQuery(raw.Query, request.Query);
        foreach (var (name, value) in raw.Headers)
        {
            request.Headers[name] = request.Headers.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }
        return request;
    }

    /// <summary>Compares one part; on a mismatch appends the part's name and a line diff to <paramref name="failures"/>.</summary>
    internal static void Check(string part, string expected, string actual, StringBuilder failures)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }
        failures.Append("  ").Append(part).AppendLine(" differs:");
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el == al)
            {
                failures.Append("      ").AppendLine(el);
                continue;
            }
            if (el is not null)
            {
                failures.Append("    - ").AppendLine(el);
            }
            if (al is not null)
            {
                failures.Append("    + ").AppendLine(al);
            }
        }
    }

    /// <summary>Appends a failure message for a check that is not a text comparison.</summary>
    internal static void Fail(string message, StringBuilder failures) => failures.Append("  ").AppendLine(message);

    /// <summary>Writes the closing line and returns the exit code: 0 only when nothing failed.</summary>
    internal static int Finish(TextWriter output, int passed, int failed, int skipped)
    {
        output.WriteLine(skipped > 0 ? $"{passed} passed, {failed} failed, {skipped} skipped" : $"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
