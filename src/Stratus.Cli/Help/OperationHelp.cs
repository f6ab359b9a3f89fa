using System.Text;
using Stratus.Cli.Commands;
using Stratus.Models;

namespace Stratus.Cli.Help;

/// <summary>
/// <c>stratus &lt;service&gt; &lt;operation&gt; help</c>: the synopsis, each member option with its type,
/// required-ness, enum values and shorthand syntax, and the output's members, all from the model (the bundled
/// models carry no documentation text).
/// </summary>
internal static class OperationHelp
{
    private const int OutputDepth = 4;

    /// <summary>Writes the help of <paramref name="command"/>, invoked as <paramref name="invocation"/> (for example <c>stratus ec2 describe-key-pairs</c>).</summary>
    public static void Write(TextWriter output, OperationCommand command, string invocation)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(command);
        var op = command.Operation;
        var sb = new StringBuilder();
        sb.Append("NAME\n  ").Append(command.Command.Name).Append('\n');
        sb.Append($"\n  {op.Service.Metadata.ServiceId} {op.Name} ({op.HttpMethod} {op.RequestUri}){(op.Deprecated ? " [deprecated]" : "")}\n");
        sb.Append("\nSYNOPSIS\n  ").Append(invocation).Append('\n');
        foreach (var member in command.Members)
        {
            var usage = member.IsFlag ? $"{member.CliName} | --no-{member.CliName[2..]}"
                : member.IsList ? $"{member.CliName} <value> [<value> ...]"
                : $"{member.CliName} <value>";
            sb.Append("    ").Append(member.Required ? usage : $"[{usage}]").Append('\n');
        }
        foreach (var (_, synopsis, _) in command.Customizations.SelectMany(c => c.Options))
        {
            sb.Append("    ").Append(synopsis).Append('\n');
        }
        sb.Append("    [--cli-input-json <value>]\n");
        if (command.GenerateSkeleton is not null)
        {
            sb.Append("    [--generate-cli-skeleton <value>]\n");
        }
        if (command.Paginator is not null)
        {
            sb.Append("    [--starting-token <value>]\n");
            if (command.PageSize is not null)
            {
                sb.Append("    [--page-size <value>]\n");
            }
            sb.Append("    [--max-items <value>]\n");
        }
        if (command.OutFile is not null)
        {
            sb.Append("    <outfile>\n");
        }
        sb.Append("\nOPTIONS\n");
        if (command.Members.Count == 0)
        {
            sb.Append("  None\n");
        }
        foreach (var member in command.Members)
        {
            var name = member.IsFlag ? $"{member.CliName} | --no-{member.CliName[2..]}" : member.CliName;
            sb.Append($"  {name} ({ShapeText.TypeName(member.Shape)}){(member.Required ? " [required]" : "")}{(member.Shape.Deprecated ? " [deprecated]" : "")}\n");
            AppendDetails(sb, member.Shape);
            sb.Append('\n');
        }
        foreach (var (_, _, help) in command.Customizations.SelectMany(c => c.Options))
        {
            sb.Append(help).Append('\n');
        }
        sb.Append("  --cli-input-json (string)\n      A JSON object of the input members (or file://path); options given on the line override it.\n\n");
        if (command.GenerateSkeleton is not null)
        {
            sb.Append("  --generate-cli-skeleton (string)\n      Prints a JSON skeleton of the input (input, the default) without calling, or a sample output (output).\n\n");
        }
        if (command.Paginator is { } paginator)
        {
            sb.Append($"  Pages are followed automatically (on {string.Join(", ", paginator.InputTokens)}) and their {string.Join(", ", paginator.ResultKeys)} merged;\n");
            sb.Append("  --no-paginate makes one call. --starting-token, --page-size and --max-items work as in the AWS CLI.\n\n");
        }
        if (command.OutFile is not null)
        {
            sb.Append("  outfile (string) [required]\n      The file to write the streaming body to.\n\n");
        }
        sb.Append("OUTPUT\n");
        if (op.Output is { Members.Count: > 0 } outputShape)
        {
            foreach (var (name, shape) in outputShape.Members)
            {
                if (shape.Streaming && command.OutFile is not null)
                {
                    sb.Append($"  {name} -> ({ShapeText.TypeName(shape)}): written to outfile\n");
                    continue;
                }
                AppendOutput(sb, name, shape, 1, []);
            }
        }
        else
        {
            sb.Append("  None\n");
        }
        output.Write(sb.ToString());
    }

    private static void AppendDetails(StringBuilder sb, Shape shape)
    {
        var target = shape.Type == ShapeType.List ? shape.Member : shape;
        if (target.Enum is { Count: > 0 } values)
        {
            sb.Append(ShapeText.Wrap("Possible values: " + string.Join(", ", values), 6));
        }
        if (shape.Type == ShapeType.Map && shape.Key.Enum is { Count: > 0 } keys)
        {
            sb.Append(ShapeText.Wrap("Possible keys: " + string.Join(", ", keys), 6));
        }
        if (shape.Type == ShapeType.Blob && !shape.Streaming)
        {
            sb.Append("      Text is sent as UTF-8 (--cli-binary-format base64 decodes it); fileb://path sends a file's bytes.\n");
        }
        if (shape.Streaming)
        {
            sb.Append("      The path of a file to upload.\n");
        }
        if (shape.Type == ShapeType.Timestamp)
        {
            sb.Append("      ISO 8601 (2024-01-31T12:00:00Z) or epoch seconds.\n");
        }
        if (shape.Type == ShapeType.Document)
        {
            sb.Append("      Any JSON value.\n");
        }
        if (ShapeText.Shorthand(shape) is { } shorthand)
        {
            sb.Append("      Shorthand syntax:\n");
            foreach (var line in shorthand.Split('\n'))
            {
                sb.Append("        ").Append(line).Append('\n');
            }
            sb.Append("      or JSON").Append(shape.Type == ShapeType.List ? " (a list, or one object per value)" : "").Append('\n');
        }
        var members = target.Type == ShapeType.Structure ? target.Members : null;
        if (members is { Count: > 0 })
        {
            foreach (var (name, member) in members)
            {
                var required = target.Required.Contains(name) ? " [required]" : "";
                sb.Append($"      {name} -> ({ShapeText.TypeName(member)}){required}");
                if ((member.Type == ShapeType.List ? member.Member : member).Enum is { Count: > 0 } e)
                {
                    sb.Append(": ").Append(string.Join(" | ", e.Take(12))).Append(e.Count > 12 ? " | ..." : "");
                }
                sb.Append('\n');
            }
        }
    }

    private static void AppendOutput(StringBuilder sb, string name, Shape shape, int depth, List<string> stack)
    {
        sb.Append(' ', depth * 2).Append($"{name} -> ({ShapeText.TypeName(shape)})\n");
        var target = shape.Type switch
        {
            ShapeType.List => shape.Member,
            ShapeType.Map => shape.Value,
            _ => shape,
        };
        if (target.Type != ShapeType.Structure || depth >= OutputDepth || stack.Contains(target.Name))
        {
            return;
        }
        stack.Add(target.Name);
        foreach (var (memberName, member) in target.Members)
        {
            AppendOutput(sb, memberName, member, depth + 1, stack);
        }
        stack.RemoveAt(stack.Count - 1);
    }
}
