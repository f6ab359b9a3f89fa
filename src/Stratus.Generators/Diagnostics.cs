using Microsoft.CodeAnalysis;

namespace Stratus.Generators;

/// <summary>What the generator reports. Each names the model file and says what to do.</summary>
internal static class Diagnostics
{
    private const string Category = "Stratus.Generators";

    public static readonly DiagnosticDescriptor ModelUnreadable = new(
        "STRATUS001", "Service model unreadable", "The model '{0}' could not be read: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoBrotli = new(
        "STRATUS002", "Compressed models need a .NET compiler host",
        "The model '{0}' is Brotli-compressed and {1}; build with the dotnet CLI, or point the StratusService item's Model metadata at an uncompressed service-2.json",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownOperation = new(
        "STRATUS003", "Unknown operation", "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoService = new(
        "STRATUS004", "Service item without a name", "The model '{0}' is named by a StratusService item with an empty name",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static DiagnosticDescriptor Find(string id) => id switch
    {
        "STRATUS001" => ModelUnreadable,
        "STRATUS002" => NoBrotli,
        "STRATUS003" => UnknownOperation,
        _ => NoService,
    };
}
