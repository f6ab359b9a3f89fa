namespace Stratus.Tests.TestSupport;

/// <summary>The emulators scripts/test.sh starts, by the EMU_* variables it exports.</summary>
public static class Emulators
{
    /// <summary>The endpoint in <paramref name="variable"/>, or null when the emulator is not running.</summary>
    public static Uri? Url(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url ? new Uri(url) : null;
}

/// <summary>A fact that needs an emulator: skipped, saying why, when its EMU_* variable is unset.</summary>
public sealed class EmulatorFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute for the emulator whose endpoint is in <paramref name="variable"/>.</summary>
    public EmulatorFactAttribute(string variable)
    {
        if (Emulators.Url(variable) is null)
        {
            Skip = $"{variable} is not set: the emulator is not running (scripts/test.sh starts it).";
        }
    }
}

/// <summary>A theory that needs an emulator: skipped, saying why, when its EMU_* variable is unset.</summary>
public sealed class EmulatorTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute for the emulator whose endpoint is in <paramref name="variable"/>.</summary>
    public EmulatorTheoryAttribute(string variable)
    {
        if (Emulators.Url(variable) is null)
        {
            Skip = $"{variable} is not set: the emulator is not running (scripts/test.sh starts it).";
        }
    }
}
