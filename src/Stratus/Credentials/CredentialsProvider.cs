namespace Stratus.Credentials;

/// <summary>
/// A source of AWS credentials. One body, <see cref="ResolveCoreAsync(bool, CancellationToken)"/>, serves both
/// <see cref="Resolve"/> and <see cref="ResolveAsync"/>: called with <c>async: false</c> it must complete
/// synchronously, using synchronous I/O only, so the synchronous path never blocks on a pending task.
/// </summary>
public abstract class CredentialsProvider
{
    /// <summary>What the source is, as error messages name it (for example <c>environment</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Resolves credentials synchronously.</summary>
    /// <returns>The credentials, or null when this source has none.</returns>
    /// <exception cref="Client.ClientException">The source is configured but failed (for example a credential process exited with an error).</exception>
    /// <exception cref="InvalidOperationException">The provider did not complete synchronously.</exception>
    public AwsCredentials? Resolve(CancellationToken cancellationToken = default) =>
        Synchronously(ResolveCoreAsync(async: false, cancellationToken)).Credentials;

    /// <summary>Resolves credentials.</summary>
    /// <returns>The credentials, or null when this source has none.</returns>
    /// <exception cref="Client.ClientException">The source is configured but failed (for example a credential process exited with an error).</exception>
    public async ValueTask<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default) =>
        (await ResolveCoreAsync(async: true, cancellationToken).ConfigureAwait(false)).Credentials;

    /// <summary>
    /// Resolves credentials, or says why this source has none. With <paramref name="async"/> false the
    /// returned task must already be complete.
    /// </summary>
    /// <param name="async">Whether the caller awaits (true) or needs a synchronous answer (false).</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    protected internal abstract ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken);

    /// <summary>Resolves through <paramref name="provider"/>'s shared body, for wrappers that delegate to another provider.</summary>
    /// <param name="provider">The provider to ask.</param>
    /// <param name="async">Whether the caller awaits (true) or needs a synchronous answer (false).</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    protected static ValueTask<CredentialsResult> ResolveCoreAsync(CredentialsProvider provider, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.ResolveCoreAsync(async, cancellationToken);
    }

    /// <summary>Shows the source's name.</summary>
    public override string ToString() => Name;

    internal CredentialsResult Synchronously(ValueTask<CredentialsResult> task) =>
        task.IsCompleted
            ? task.GetAwaiter().GetResult()
            : throw new InvalidOperationException($"The credentials provider '{Name}' did not complete synchronously.");
}
