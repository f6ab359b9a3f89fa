namespace Stratus.Cli.Output;

/// <summary>The formatter for an <c>--output</c> name.</summary>
internal static class OutputFormats
{
    /// <summary>The formatter for <paramref name="name"/> (json, yaml, yaml-stream, table or text).</summary>
    /// <exception cref="ArgumentException">Unknown format.</exception>
    public static IOutputFormatter Create(string name) => name switch
    {
        "json" => new JsonOutput(),
        "yaml" => new YamlOutput(),
        "yaml-stream" => new YamlOutput(stream: true),
        "table" => new TableOutput(TableOutput.DetectTerminalWidth()),
        "text" => new TextOutput(),
        _ => throw new ArgumentException($"Unknown output format '{name}'.", nameof(name)),
    };
}
