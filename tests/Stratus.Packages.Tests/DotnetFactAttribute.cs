namespace Stratus.Packages.Tests;

/// <summary>A fact that runs the <c>dotnet</c> command: skipped, saying why, when it is not on PATH.</summary>
public sealed class DotnetFactAttribute : FactAttribute
{
    public DotnetFactAttribute()
    {
        if (Dotnet.Path is null)
        {
            Skip = "dotnet is not on PATH: the packages cannot be packed or installed.";
        }
    }
}
