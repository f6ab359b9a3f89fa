using System.CommandLine;
using System.Text.Json.Nodes;
using Stratus.Cli.Output;
using Stratus.Cli.Paging;
using Stratus.Protocols;

namespace Stratus.Cli.Commands;

/// <summary>
/// Runs one operation command: reads its input, calls the service (following pages unless told not to), writes
/// a streaming body to the output file, and prints the rest in the chosen format after <c>--query</c>.
/// </summary>
internal sealed class OperationRunner(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Runs the command; errors are thrown for <see cref="ErrorReport"/> to report.</summary>
    public async Task<int> RunAsync(ParseResult parse, CliSettings settings, OperationCommand command, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(command);
        if (settings.Query is { } query)
        {
            JmesPathQuery.Validate(query);
        }
        var formatter = OutputFormats.Create(settings.Output);
        var operation = command.Operation;
        if (command.GenerateSkeleton is { } skeleton && parse.GetResult(skeleton) is not null)
        {
            if ((parse.GetValue(skeleton) ?? "input") == "input")
            {
                stdout.Write(JsonOutput.Format(Skeleton.Generate(operation.Input)) + "\n");
                return 0;
            }
            // "output" checks the input as a real call would, then shows a sample result without calling.
            command.BuildInput(parse, settings.BinaryFormat);
            Print(formatter, operation.Name, OutputValues.Normalize(Skeleton.Generate(operation.Output)), settings.Query);
            return 0;
        }
        var input = command.BuildInput(parse, settings.BinaryFormat);
        using var client = Aws.Connect(service, settings.ToClientOptions(settings.Debug ? new StderrLogger(stderr, "stratus." + service) : null));
        JsonObject result;
        if (operation.StreamingOutput is not null && command.OutFile is not null)
        {
            result = await client.CallAsync(operation.Name, input, cancellationToken).ConfigureAwait(false);
            await SaveBodyAsync(result, parse.GetValue(command.OutFile)!, cancellationToken).ConfigureAwait(false);
        }
        else if (command.Paginator is { } paginator && settings.Paginate && !command.SetsPagingMembersByHand(input))
        {
            var call = new PagedCall(client, operation.Name, paginator);
            if (settings.Output is "text" or "yaml-stream")
            {
                // As the AWS CLI does: these formats print page by page instead of the merged result.
                var pages = 0;
                var merged = await call.RunAsync(input, command.Paging(parse), page =>
                {
                    var shown = settings.Output == "text" ? call.PageForText(page, pages == 0) : OutputValues.WithoutMetadata(page);
                    Print(formatter, operation.Name, OutputValues.Normalize(shown), settings.Query);
                    pages++;
                }, cancellationToken).ConfigureAwait(false);
                if (merged["NextToken"] is JsonValue token && settings.Output == "text")
                {
                    // The resume token goes through --query too (which usually makes it "None"), as in the AWS CLI.
                    Print(formatter, operation.Name, new JsonObject { ["NextToken"] = new JsonObject { ["NextToken"] = token.DeepClone() } }, settings.Query);
                }
                return 0;
            }
            result = await call.RunAsync(input, command.Paging(parse), null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = await client.CallAsync(operation.Name, input, cancellationToken).ConfigureAwait(false);
        }
        Print(formatter, operation.Name, OutputValues.WithoutMetadata(result), settings.Query);
        return 0;
    }

    /// <summary>Applies the query and writes the data (shared with the waiter command).</summary>
    public void Print(IOutputFormatter formatter, string operationName, JsonNode? data, string? query)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (query is not null)
        {
            data = JmesPathQuery.Apply(query, data);
        }
        formatter.Write(operationName, data, stdout);
    }

    /// <summary>Writes each streaming value of the result (the body) to <paramref name="path"/>.</summary>
    private static async Task SaveBodyAsync(JsonObject result, string path, CancellationToken cancellationToken)
    {
        foreach (var (_, value) in result)
        {
            if (NativeValues.TryGetStream(value, out var body) && body != Stream.Null)
            {
                await using (body.ConfigureAwait(false))
                {
                    var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    await using (file.ConfigureAwait(false))
                    {
                        await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
