namespace Stratus.Credentials;

/// <summary>Tries sources in order and gives the first credentials found; when none has any, says why for each.</summary>
public sealed class CredentialsChain : CredentialsProvider
{
    private readonly CredentialsProvider[] _sources;

    /// <summary>Creates a chain.</summary>
    /// <param name="sources">The sources, in the order to try them.</param>
    public CredentialsChain(IEnumerable<CredentialsProvider> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        if (Array.Exists(_sources, s => s is null))
        {
            throw new ArgumentException("A source is null.", nameof(sources));
        }
    }

    /// <summary>The sources, in order.</summary>
    public IReadOnlyList<CredentialsProvider> Sources => _sources;

    /// <inheritdoc/>
    public override string Name => $"chain ({string.Join(", ", _sources.Select(s => s.Name))})";

    /// <inheritdoc/>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        var found = await FirstAsync(_sources, tried, async, cancellationToken).ConfigureAwait(false);
        return found ?? CredentialsResult.NotFound(string.Join("; ", tried));
    }

    /// <summary>The first source's credentials, or null after adding each source's reason to <paramref name="tried"/>.</summary>
    internal static async ValueTask<CredentialsResult?> FirstAsync(IEnumerable<CredentialsProvider> sources, List<string> tried, bool async, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            var result = await ResolveCoreAsync(source, async, cancellationToken).ConfigureAwait(false);
            if (result.Found)
            {
                return result;
            }
            tried.Add($"{source.Name}: {result.Reason}");
        }
        return null;
    }
}
