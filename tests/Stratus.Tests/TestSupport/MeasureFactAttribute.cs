namespace Stratus.Tests.TestSupport;

/// <summary>A measurement, not a check: skipped unless <c>STRATUS_MEASURE=1</c>. Mark it <c>[Trait("Category", "Measure")]</c>.</summary>
public sealed class MeasureFactAttribute : FactAttribute
{
    public MeasureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STRATUS_MEASURE") != "1")
        {
            Skip = "a measurement: run with STRATUS_MEASURE=1";
        }
    }
}
