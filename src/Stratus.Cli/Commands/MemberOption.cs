using System.CommandLine;
using Stratus.Models;

namespace Stratus.Cli.Commands;

/// <summary>
/// One input member as a command-line option: <c>--key-name</c> for <c>KeyName</c>. A boolean is a pair of flags
/// (<c>--dry-run</c> / <c>--no-dry-run</c>); a list takes one or more values; anything else takes one.
/// </summary>
internal sealed class MemberOption
{
    private MemberOption(string memberName, Shape shape, string cliName, bool required, Option option, Option<bool>? negated)
    {
        MemberName = memberName;
        Shape = shape;
        CliName = cliName;
        Required = required;
        Option = option;
        Negated = negated;
    }

    /// <summary>The member's model name, for example <c>KeyName</c>.</summary>
    public string MemberName { get; }

    /// <summary>The member's shape.</summary>
    public Shape Shape { get; }

    /// <summary>The option, with its dashes, for example <c>--key-name</c>.</summary>
    public string CliName { get; }

    /// <summary>Whether the model requires the member.</summary>
    public bool Required { get; }

    /// <summary>The option (for a boolean, the one that sets it to true).</summary>
    public Option Option { get; }

    /// <summary>For a boolean, the <c>--no-</c> flag that sets it to false.</summary>
    public Option<bool>? Negated { get; }

    /// <summary>Whether the option takes several values (a list member).</summary>
    public bool IsList => Shape.Type == ShapeType.List;

    /// <summary>Whether the member is a boolean flag pair.</summary>
    public bool IsFlag => Negated is not null;

    /// <summary>Makes the option(s) for a member under a chosen name (with dashes).</summary>
    public static MemberOption Create(string memberName, Shape shape, string cliName, bool required)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Type == ShapeType.Boolean)
        {
            var yes = new Option<bool>(cliName) { Description = Describe(shape, required) };
            var no = new Option<bool>("--no-" + cliName[2..]) { Description = $"Sets {memberName} to false." };
            return new MemberOption(memberName, shape, cliName, required, yes, no);
        }
        if (shape.Type == ShapeType.List)
        {
            var many = new Option<string[]>(cliName)
            {
                Description = Describe(shape, required),
                AllowMultipleArgumentsPerToken = true,
                Arity = ArgumentArity.OneOrMore,
            };
            return new MemberOption(memberName, shape, cliName, required, many, null);
        }
        var one = new Option<string>(cliName) { Description = Describe(shape, required), Arity = ArgumentArity.ExactlyOne };
        return new MemberOption(memberName, shape, cliName, required, one, null);
    }

    /// <summary>The tokens given for the option, or null when it was not given (for a flag pair: "true" or "false").</summary>
    public IReadOnlyList<string>? Tokens(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (Negated is not null)
        {
            var yes = parse.GetResult(Option) is not null && parse.GetValue((Option<bool>)Option);
            var no = parse.GetResult(Negated) is not null && parse.GetValue(Negated);
            return no ? ["false"] : yes ? ["true"] : null;
        }
        if (parse.GetResult(Option) is null)
        {
            return null;
        }
        return Option switch
        {
            Option<string[]> many => parse.GetValue(many) ?? [],
            Option<string> one => parse.GetValue(one) is { } value ? [value] : [],
            _ => null,
        };
    }

    private static string Describe(Shape shape, bool required) =>
        $"({ShapeText.TypeName(shape)}){(required ? " [required]" : "")}";
}
