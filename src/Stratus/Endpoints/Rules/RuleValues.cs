using System.Globalization;

namespace Stratus.Endpoints.Rules;

/// <summary>Helpers over rule values: cached boolean boxes (no allocation per condition) and text conversion.</summary>
internal static class RuleValues
{
    /// <summary>The boxed <see langword="true"/>.</summary>
    public static readonly object True = true;

    /// <summary>The boxed <see langword="false"/>.</summary>
    public static readonly object False = false;

    /// <summary>Boxes a boolean without allocating.</summary>
    public static object Box(bool value) => value ? True : False;

    /// <summary>The text a value contributes to a template.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
