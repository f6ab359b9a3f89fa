using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Cli.Input;

namespace Stratus.Cli.Commands.Customizations;

/// <summary>
/// <c>ec2 run-instances --count N</c> or <c>--count MIN:MAX</c> instead of <c>--min-count</c> and
/// <c>--max-count</c>, both 1 by default, as in the AWS CLI.
/// </summary>
internal sealed class RunInstancesCount : IOperationCustomization
{
    private const string Error = "count parameter should be of form min[:max] (e.g. 1 or 1:10)";
    private readonly Option<string?> _count = new("--count") { Description = "Number of instances to launch: N, or MIN:MAX (default 1)." };

    /// <inheritdoc />
    public IReadOnlyCollection<string> ReplacedMembers { get; } = ["MinCount", "MaxCount"];

    /// <inheritdoc />
    public IReadOnlyList<(Option Option, string Synopsis, string Help)> Options =>
    [
        (_count, "[--count <value>]",
            "  --count (string)\n      Number of instances to launch. A single number is the minimum and the maximum (default 1);\n      MIN:MAX launches at least MIN and at most MAX.\n"),
    ];

    /// <inheritdoc />
    public void Apply(ParseResult parse, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(input);
        if (parse.GetValue(_count) is { } value)
        {
            var parts = value.Split(':');
            if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                throw new ParamException("--count", Error);
            }
            input["MinCount"] = min;
            input["MaxCount"] = max;
        }
        input["MinCount"] ??= 1;
        input["MaxCount"] ??= 1;
    }
}
