using Stratus.Cli.Commands;
using Stratus.Cli.S3;
using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary>
/// What one <c>stratus storage</c> command works with: the stores it opens (one per scheme and side, opened on first
/// use and disposed at the end), the output and the display of progress, and whether something failed.
/// </summary>
internal sealed class StorageSession(StoreOptions.Side shared, StoreOptions.Side? source, TextWriter stdout, TextWriter stderr, ITransferDisplay display) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Scheme, bool Source), ObjectStore> _stores = [];

    public TextWriter Stdout { get; } = stdout;

    public ITransferDisplay Display { get; } = display;

    /// <summary>The command line's --exclude and --include filters.</summary>
    public PathFilter Filter { get; init; } = PathFilter.None;

    /// <summary>Show what would be done without doing it (<c>--dryrun</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Print nothing but errors (<c>--quiet</c>, <c>--only-show-errors</c>).</summary>
    public bool Quiet { get; init; }

    /// <summary>Transfers run at once in a recursive copy or a sync.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>The part size for large uploads (null: the store's).</summary>
    public long? PartSize { get; init; }

    /// <summary>Parts in flight per upload (null: the store's).</summary>
    public int? PartConcurrency { get; init; }

    /// <summary>Whether a file or object failed (the command then exits with 1).</summary>
    public bool Failed { get; private set; }

    /// <summary>The exit code: 1 when something failed.</summary>
    public int ExitCode => Failed ? 1 : 0;

    /// <summary><c>(dryrun) </c> when not doing anything.</summary>
    public string Prefix => DryRun ? "(dryrun) " : "";

    /// <summary>
    /// The store of a provider location, opened once per scheme and side. The source of a copy has a store of its own
    /// only when <c>--source-…</c> options are given; otherwise both sides share one (and a copy within it stays on the server).
    /// </summary>
    /// <exception cref="UsageException">No store is registered for the scheme.</exception>
    public ObjectStore Store(Location at, bool isSource = false)
    {
        ArgumentNullException.ThrowIfNull(at);
        var scheme = at.Scheme ?? throw new ArgumentException("a local path has no store", nameof(at));
        var own = isSource && source is not null;
        lock (_gate)
        {
            if (_stores.TryGetValue((scheme, own), out var store))
            {
                return store;
            }
            StoreRegistration.EnsureRegistered();
            if (!ObjectStores.Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
            {
                var known = ObjectStores.Schemes.Count == 0 ? "none in this build" : string.Join(", ", ObjectStores.Schemes.Select(s => s + "://"));
                throw new UsageException($"no object store for '{scheme}://' (known: {known}; local paths and file:/// URLs are files)");
            }
            store = ObjectStores.Open(scheme, (own ? source! : shared).ToStoreSettings(scheme));
            _stores[(scheme, own)] = store;
            return store;
        }
    }

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

    /// <summary>Reports that one file or object failed (<c>copy failed: a to b NotFound: ...</c>) and goes on with the others.</summary>
    public void Fail(string what, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (_, message) = ErrorReport.Describe(error);
        const string Lead = "stratus: error: ";
        message = message is not null && message.StartsWith(Lead, StringComparison.Ordinal) ? message[Lead.Length..] : message;
        lock (_gate)
        {
            Failed = true;
            stderr.Write($"{what} {message}".ReplaceLineEndings(" ").TrimEnd() + "\n");
            stderr.Flush();
        }
    }

    /// <summary>Deletes one object (a failure is reported and the command goes on).</summary>
    public async Task DeleteAsync(Location target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            if (!DryRun)
            {
                if (target.IsRemote)
                {
                    await Store(target).DeleteAsync(target.Container, target.Path, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    File.Delete(target.Path);
                }
            }
            Line($"{Prefix}delete: {target}");
        }
        catch (Exception e) when (e is not (OperationCanceledException or UsageException))
        {
            Fail($"delete failed: {target}", e);
        }
    }

    /// <summary>Runs <paramref name="work"/> for each item, <see cref="Concurrency"/> at a time.</summary>
    public Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, work);

    public void Dispose()
    {
        foreach (var store in _stores.Values)
        {
            store.Dispose();
        }
        _stores.Clear();
    }
}
