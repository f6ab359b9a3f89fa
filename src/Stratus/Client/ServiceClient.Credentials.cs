using Stratus.Credentials;
using Stratus.Models;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    // Nothing is resolved here: an unsigned call needs no credentials, and the constructor does no I/O for them.
    // Fixed credentials come first, then the given provider, then the default chain for the profile, cached.
    private static CredentialsProvider CredentialsFor(ClientOptions options, string region) =>
        options.Credentials is { } fixedCredentials ? new StaticCredentialsProvider(fixedCredentials)
        : options.CredentialsProvider as CachingCredentialsProvider
          ?? new CachingCredentialsProvider(options.CredentialsProvider
              ?? new DefaultCredentialsChain(new CredentialsOptions { Profile = options.Profile, StsRegion = region, Clock = options.Clock }), options.Clock);

    // Only reached when no region is set otherwise: reads the shared config files for the profile's region.
    private static string? ProfileRegion(string? profile)
    {
        try
        {
            return SharedConfig.Load().GetProfile(profile ?? SharedConfig.EnvironmentProfileName)?.Region;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Resolved on the call's own sync or async path; failures name the service and operation.
    private async ValueTask<AwsCredentials> ResolveCredentialsAsync(CredentialsProvider provider, OperationModel operation, bool async, CancellationToken ct)
    {
        CredentialsResult found;
        try
        {
            found = await provider.ResolveCoreAsync(async, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ClientException((e as ClientException)?.Kind ?? ClientErrorKind.Credentials, $"{Model.Name}.{operation.Name}: {e.Message}", e)
            {
                Service = Model.Name,
                Operation = operation.Name,
            };
        }
        return found.Credentials ?? throw new ClientException(ClientErrorKind.Credentials,
            $"{Model.Name}.{operation.Name}: no credentials from {provider.Name}: {found.Reason}") { Service = Model.Name, Operation = operation.Name };
    }
}
