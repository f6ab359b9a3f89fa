using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Transfer;

namespace Stratus.Cli.S3;

/// <summary>What one <c>stratus s3</c> command works with: the S3 client, the transfer manager, the output and the display of progress.</summary>
internal sealed class S3Session(ServiceClient s3, TextWriter stdout, TextWriter stderr, ITransferDisplay display) : IDisposable
{
    private readonly Lock _gate = new();

    public ServiceClient Client { get; } = s3;

    public TransferManager Transfers { get; } = new(s3);

    public TextWriter Stdout { get; } = stdout;

    public ITransferDisplay Display { get; } = display;

    /// <summary>The region of the client (for <c>mb</c>).</summary>
    public string? Region { get; init; }

    /// <summary>The command line's --exclude and --include filters.</summary>
    public PathFilter Filter { get; init; } = PathFilter.None;

    /// <summary>Show what would be done without doing it (<c>--dryrun</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Print nothing but errors (<c>--quiet</c>, <c>--only-show-errors</c>).</summary>
    public bool Quiet { get; init; }

    /// <summary>Writes one line of output (thread-safe), unless quiet.</summary>
    public void Line(string text)
    {
        if (Quiet)
        {
            return;
        }
        lock (_gate)
        {
            Display.WriteLine(text, Stdout);
        }
    }

    /// <summary>Whether a file or object failed (the command then exits with 1, as in the AWS CLI).</summary>
    public bool Failed { get; private set; }

    /// <summary>The exit code: 1 when something failed.</summary>
    public int ExitCode => Failed ? 1 : 0;

    /// <summary>
    /// Reports that one file or object failed, as the AWS CLI does (<c>upload failed: a to s3://b/a An error occurred ...</c>),
    /// and goes on with the others.
    /// </summary>
    public void Fail(string what, Exception error)
    {
        var (_, message) = Commands.ErrorReport.Describe(error);
        lock (_gate)
        {
            Failed = true;
            stderr.Write($"{what} {message}".ReplaceLineEndings(" ").TrimEnd() + "\n");
            stderr.Flush();
        }
    }

    /// <summary>Deletes one object (a failure is reported and the command goes on).</summary>
    public async Task DeleteAsync(Place target, CancellationToken cancellationToken)
    {
        try
        {
            if (!DryRun)
            {
                await Client.CallAsync("DeleteObject", new JsonObject { ["Bucket"] = target.Bucket, ["Key"] = target.Path }, cancellationToken).ConfigureAwait(false);
            }
            Line($"{Prefix}delete: {target}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail($"delete failed: {target}", e);
        }
    }

    /// <summary><c>(dryrun) </c> when not doing anything.</summary>
    public string Prefix => DryRun ? "(dryrun) " : "";

    public void Dispose() => Client.Dispose();
}
