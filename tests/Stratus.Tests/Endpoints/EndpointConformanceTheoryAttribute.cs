namespace Stratus.Tests.Endpoints;

/// <summary>A theory that is skipped, with the reason, when the shared endpoint conformance data is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndpointConformanceTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when ../shared/conformance/endpoints is missing.</summary>
    public EndpointConformanceTheoryAttribute()
    {
        if (ConformanceData.EndpointsDir is null)
        {
            Skip = "../shared/conformance/endpoints not found beside the repository root";
        }
    }
}
