using Stratus.Credentials;

namespace Stratus.Tests.Credentials;

/// <summary>Resolves on the sync or the async path, so each test runs both.</summary>
internal static class Resolving
{
    public static async Task<AwsCredentials?> Resolve(this CredentialsProvider provider, bool async, CancellationToken cancellationToken = default) =>
        async ? await provider.ResolveAsync(cancellationToken) : provider.Resolve(cancellationToken);

    /// <summary>The result with its reason; on the sync path the shared body must have completed synchronously.</summary>
    public static async Task<CredentialsResult> TryResolve(this CredentialsProvider provider, bool async, CancellationToken cancellationToken = default)
    {
        var task = provider.ResolveCoreAsync(async, cancellationToken);
        Assert.True(async || task.IsCompleted, "the sync path returned a pending task");
        return await task;
    }
}
