namespace Stratus.Conformance;

/// <summary>Counts of a suite run, and the failures that were not expected.</summary>
public sealed class SuiteResult
{
    /// <summary>Cases that passed.</summary>
    public int Passed { get; set; }
    /// <summary>Cases that failed and are not listed as known.</summary>
    public List<string> Failures { get; } = [];
    /// <summary>Cases skipped (in an ignore list), with the reason.</summary>
    public List<string> Skipped { get; } = [];
    /// <summary>Cases that failed but are listed as known exceptions.</summary>
    public List<string> KnownFailures { get; } = [];

    /// <summary>The closing line.</summary>
    public string Summary =>
        $"{Passed} passed, {Failures.Count + KnownFailures.Count} failed" + (Skipped.Count > 0 ? $", {Skipped.Count} skipped" : "");

    /// <summary>Whether the run is acceptable: every failure is a known exception.</summary>
    public bool Ok => Failures.Count == 0;
}
