using System.Net;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Credentials from the container credentials endpoint (ECS tasks, EKS Pod Identity):
/// <c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> (on <c>http://169.254.170.2</c>) or
/// <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>, which must be HTTPS, a loopback address, or one of the ECS and
/// EKS addresses, as in botocore. The <c>Authorization</c> header comes from the file named by
/// <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c>, else from <c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c>.
/// </summary>
public sealed class ContainerCredentialsProvider : CredentialsProvider
{
    private const string EcsHost = "169.254.170.2";
    private static readonly string[] AllowedHosts = [EcsHost, "169.254.170.23", "fd00:ec2::23", "localhost"];
    private readonly CredentialsOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Timeout, attempts, transport and clock; null for the defaults.</param>
    public ContainerCredentialsProvider(CredentialsOptions? options = null)
    {
        _options = options ?? new CredentialsOptions();
    }

    /// <inheritdoc/>
    public override string Name => "container";

    /// <inheritdoc/>
    /// <exception cref="ClientException">The URI is not allowed, the token file cannot be read, or the endpoint gave no credentials.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var relative = Env.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        var full = Env.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (relative is null && full is null)
        {
            return CredentialsResult.NotFound("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set");
        }
        var uri = relative is not null ? Relative(relative) : Full(full!);
        var token = await TokenAsync(async, cancellationToken).ConfigureAwait(false);
        using var invoker = MetadataHttp.Invoker(_options.MetadataTransport);
        string? failure = null;
        var attempts = Math.Max(1, _options.ContainerAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                await PauseAsync(TimeSpan.FromSeconds(1), async, cancellationToken).ConfigureAwait(false);
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", token);
            }
            try
            {
                var (status, body) = await MetadataHttp.SendAsync(invoker, request, _options.ContainerTimeout, _options.Clock, async, cancellationToken).ConfigureAwait(false);
                if (status != 200)
                {
                    failure = $"{Where(uri)} answered {MetadataHttp.Status(status)}";
                    continue;
                }
                return CredentialsResult.Success(CredentialsJson.Read(CredentialsJson.ParseObject(body), "Token"));
            }
            catch (Exception e) when (e is TimeoutException or HttpRequestException or IOException)
            {
                failure = $"{MetadataHttp.Describe(e)} from {Where(uri)}";
            }
            catch (FormatException e)
            {
                failure = $"{Where(uri)}: {e.Message}";
            }
        }
        throw new ClientException(ClientErrorKind.Credentials, $"container: no credentials after {attempts} attempt{(attempts == 1 ? "" : "s")}: {failure}.");
    }

    private static Uri Relative(string relative) =>
        Uri.TryCreate($"http://{EcsHost}{(relative.StartsWith('/') ? "" : "/")}{relative}", UriKind.Absolute, out var uri)
            ? uri
            : throw new ClientException(ClientErrorKind.Credentials, "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not a valid path.");

    private static Uri Full(string full)
    {
        if (!Uri.TryCreate(full, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ClientException(ClientErrorKind.Credentials, "container: AWS_CONTAINER_CREDENTIALS_FULL_URI is not an http(s) URI.");
        }
        var host = uri.Host.Trim('[', ']');
        if (uri.Scheme == "https" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))
            || AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return uri;
        }
        throw new ClientException(ClientErrorKind.Credentials,
            $"container: AWS_CONTAINER_CREDENTIALS_FULL_URI host '{host}' is not allowed; use HTTPS, a loopback address, or one of {string.Join(", ", AllowedHosts)}.");
    }

    private static async ValueTask<string?> TokenAsync(bool async, CancellationToken cancellationToken)
    {
        string? token;
        if (Env.Get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") is { } file)
        {
            try
            {
                token = async ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) : File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ClientException(ClientErrorKind.Credentials, $"container: the token file {file} (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) could not be read: {e.GetType().Name}.", e);
            }
        }
        else
        {
            token = Env.Get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        }
        token = token?.Trim();
        if (token is not null && token.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ClientException(ClientErrorKind.Credentials, "container: the authorization token is not a legal header value (it has a line break).");
        }
        return string.IsNullOrEmpty(token) ? null : token;
    }

    private static string Where(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private async ValueTask PauseAsync(TimeSpan delay, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await Task.Delay(delay, _options.Clock, cancellationToken).ConfigureAwait(false);
        }
        else if (cancellationToken.WaitHandle.WaitOne(delay))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
