using System.CommandLine;
using System.Text.Json.Nodes;

namespace Stratus.Cli.Commands.Customizations;

/// <summary>
/// A change the AWS CLI makes to one operation's generated command, which users' habits rely on (for example
/// <c>ec2 run-instances --count</c>). Register new ones in <see cref="OperationCustomizations"/>.
/// </summary>
internal interface IOperationCustomization
{
    /// <summary>The input members whose generated options this customization replaces.</summary>
    IReadOnlyCollection<string> ReplacedMembers { get; }

    /// <summary>The options it adds, with their help text.</summary>
    IReadOnlyList<(Option Option, string Synopsis, string Help)> Options { get; }

    /// <summary>Sets input members from its options (after the generated options and --cli-input-json).</summary>
    void Apply(ParseResult parse, JsonObject input);
}
