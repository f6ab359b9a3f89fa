using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Cli.Commands.Customizations;
using Stratus.Cli.Input;
using Stratus.Cli.Paging;
using Stratus.Client;
using Stratus.Models;

namespace Stratus.Cli.Commands;

/// <summary>
/// One operation as a command, built from its model when it is called (never for all operations at start-up):
/// an option per input member, <c>--cli-input-json</c>, the paging options when the operation pages, and a
/// positional output file when the result has a streaming body (<c>s3api get-object ... outfile</c>).
/// </summary>
internal sealed class OperationCommand
{
    private const string InputJsonName = "--cli-input-json";

    private OperationCommand(OperationModel operation, string cliName, Paginator? paginator)
    {
        Operation = operation;
        Paginator = paginator;
        Command = new Command(cliName, $"{operation.Service.Name} {operation.Name}");
        var reserved = new HashSet<string>(GlobalOptions.All, StringComparer.Ordinal) { InputJsonName, "--generate-cli-skeleton", "--help", "-h", "--version" };
        if (paginator is not null)
        {
            reserved.UnionWith(["--starting-token", "--page-size", "--max-items"]);
        }
        Customizations = OperationCustomizations.For(operation.Service.Name, operation.Name);
        var replaced = Customizations.SelectMany(c => c.ReplacedMembers).ToHashSet(StringComparer.Ordinal);
        foreach (var (option, _, _) in Customizations.SelectMany(c => c.Options))
        {
            reserved.Add(option.Name);
            Command.Options.Add(option);
        }
        var members = new List<MemberOption>();
        if (operation.Input is { } input)
        {
            foreach (var (name, shape) in input.Members.Where(m => !replaced.Contains(m.Key)))
            {
                var option = MemberOption.Create(name, shape, OptionName(name, shape, reserved), input.Required.Contains(name));
                members.Add(option);
                Command.Options.Add(option.Option);
                if (option.Negated is not null)
                {
                    Command.Options.Add(option.Negated);
                }
            }
        }
        Members = members;
        InputJson = new Option<string?>(InputJsonName) { Description = "Read arguments from a JSON object (or file://path) of the operation's input members; other options override it." };
        Command.Options.Add(InputJson);
        if (paginator is not null)
        {
            StartingToken = new Option<string?>("--starting-token") { Description = "A token to resume from: the NextToken of an earlier --max-items output." };
            MaxItems = new Option<int?>("--max-items") { Description = "The most items to show; when there are more, a NextToken is shown to resume from." };
            Command.Options.Add(StartingToken);
            Command.Options.Add(MaxItems);
            if (paginator.LimitKey is not null)
            {
                PageSize = new Option<int?>("--page-size") { Description = "How many items each call asks for (all pages are still shown)." };
                Command.Options.Add(PageSize);
            }
        }
        if (operation.StreamingOutput is null)
        {
            GenerateSkeleton = new Option<string?>("--generate-cli-skeleton")
            {
                Description = "Print a JSON skeleton of the input (for --cli-input-json) without calling, or with 'output' a sample output.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            GenerateSkeleton.AcceptOnlyFromAmong("input", "output");
            Command.Options.Add(GenerateSkeleton);
        }
        else
        {
            OutFile = new Argument<string?>("outfile") { Description = "The file to write the streaming body to.", Arity = ArgumentArity.ZeroOrOne };
            Command.Arguments.Add(OutFile);
        }
    }

    /// <summary>The operation.</summary>
    public OperationModel Operation { get; }

    /// <summary>The command.</summary>
    public Command Command { get; }

    /// <summary>The AWS CLI's changes to this operation's command (for example <c>ec2 run-instances --count</c>).</summary>
    public IReadOnlyList<IOperationCustomization> Customizations { get; }

    /// <summary>The member options, in model order.</summary>
    public IReadOnlyList<MemberOption> Members { get; }

    /// <summary>The operation's paginator, if it pages.</summary>
    public Paginator? Paginator { get; }

    /// <summary><c>--cli-input-json</c>.</summary>
    public Option<string?> InputJson { get; }

    /// <summary><c>--starting-token</c>, when the operation pages.</summary>
    public Option<string?>? StartingToken { get; }

    /// <summary><c>--page-size</c>, when the operation pages with a limit member.</summary>
    public Option<int?>? PageSize { get; }

    /// <summary><c>--max-items</c>, when the operation pages.</summary>
    public Option<int?>? MaxItems { get; }

    /// <summary><c>--generate-cli-skeleton [input|output]</c>, unless the result has a streaming body (as in the AWS CLI).</summary>
    public Option<string?>? GenerateSkeleton { get; }

    /// <summary>The output file argument, when the result has a streaming body.</summary>
    public Argument<string?>? OutFile { get; }

    /// <summary>Builds the command for <paramref name="operation"/> named <paramref name="cliName"/>.</summary>
    public static OperationCommand Create(OperationModel operation, string cliName, Paginator? paginator)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return new OperationCommand(operation, cliName, paginator);
    }

    /// <summary>
    /// The operation's input: <c>--cli-input-json</c> first, then each member option given (which wins).
    /// </summary>
    /// <exception cref="ParamException">A value cannot be read for its member.</exception>
    /// <exception cref="UsageException">A required member is missing.</exception>
    public JsonObject BuildInput(ParseResult parse, BinaryFormat binaryFormat)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var input = new JsonObject();
        if (parse.GetValue(InputJson) is { } json && Operation.Input is { } inputShape)
        {
            var text = ParamFile.Resolve(json, InputJsonName);
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(text.IsBinary ? System.Text.Encoding.UTF8.GetString(text.Bytes!) : text.Text);
            }
            catch (JsonException e)
            {
                throw new ParamException(InputJsonName, $"Invalid JSON: {e.Message}", e);
            }
            if (parsed is not JsonObject obj)
            {
                throw new ParamException(InputJsonName, "expected a JSON object of the operation's input members");
            }
            input = (JsonObject)new ShapeCoercer(InputJsonName, binaryFormat, fromShorthand: false).Coerce(inputShape, obj, "")!;
        }
        var parser = new MemberValueParser(binaryFormat);
        foreach (var member in Members)
        {
            if (member.Tokens(parse) is { } tokens)
            {
                input[member.MemberName] = parser.Parse(member.Shape, tokens, member.CliName);
            }
        }
        foreach (var customization in Customizations)
        {
            customization.Apply(parse, input);
        }
        var missing = Members.Where(m => m.Required && input[m.MemberName] is null && !m.Shape.IdempotencyToken).Select(m => m.IsFlag ? $"--{m.CliName[2..]} | --no-{m.CliName[2..]}" : m.CliName).ToList();
        if (OutFile is not null && string.IsNullOrEmpty(parse.GetValue(OutFile)))
        {
            missing.Add("outfile");
        }
        if (missing.Count > 0)
        {
            throw new UsageException($"the following arguments are required: {string.Join(", ", missing)}");
        }
        return input;
    }

    /// <summary>The paging options given.</summary>
    public PagingOptions Paging(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new PagingOptions(
            StartingToken is null ? null : parse.GetValue(StartingToken),
            PageSize is null ? null : parse.GetValue(PageSize),
            MaxItems is null ? null : parse.GetValue(MaxItems));
    }

    /// <summary>
    /// Whether the user set a paging member by hand (<c>--next-token</c>, <c>--max-results</c>): then, as in the
    /// AWS CLI, the call is made once, without following pages.
    /// </summary>
    public bool SetsPagingMembersByHand(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Paginator is null)
        {
            return false;
        }
        return Paginator.InputTokens.Any(input.ContainsKey) || (Paginator.LimitKey is { } limit && input.ContainsKey(limit));
    }

    private static string OptionName(string member, Shape shape, HashSet<string> reserved)
    {
        var name = "--" + CliNames.Kebab(member);
        // A member that would shadow a global option (or another member) gets a suffix instead.
        while (reserved.Contains(name) || (shape.Type == ShapeType.Boolean && reserved.Contains("--no-" + name[2..])))
        {
            name += "-param";
        }
        reserved.Add(name);
        if (shape.Type == ShapeType.Boolean)
        {
            reserved.Add("--no-" + name[2..]);
        }
        return name;
    }
}
