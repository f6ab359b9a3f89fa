using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Stratus.Client;

namespace Stratus.OpenStack.Auth;

/// <summary>
/// Logs in (Keystone v3 or TempAuth) and keeps the token until shortly before it expires, or until a server refuses
/// it (<see cref="Invalidate"/>). Concurrent calls share one login. Thread-safe; sync and async callers share the code
/// path (<c>async: false</c> completes synchronously). Failures are <see cref="ClientException"/>s of kind
/// <see cref="ClientErrorKind.Credentials"/> that never hold a secret.
/// </summary>
public sealed class OpenStackAuthenticator : IDisposable
{
    // A token this close to its expiry is renewed rather than sent (a request may take this long to arrive).
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

    private readonly OpenStackCredentials _credentials;
    private readonly HttpMessageInvoker _http;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _login = new(1, 1);
    private AuthToken? _token;
    private int _logins;

    /// <summary>Creates an authenticator; it does no I/O until a token is asked for.</summary>
    /// <param name="credentials">Who logs in where.</param>
    /// <param name="transport">The HTTP handler (not disposed here); default Stratus's shared connection pool.</param>
    /// <param name="clock">The clock for expiry; default the system's.</param>
    public OpenStackAuthenticator(OpenStackCredentials credentials, HttpMessageHandler? transport = null, TimeProvider? clock = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _http = new HttpMessageInvoker(transport ?? Stratus.Transport.ConnectionPool.Get(new Stratus.Transport.ConnectionOptions()), disposeHandler: false);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The credentials (their <see cref="OpenStackCredentials.ToString"/> hides secrets).</summary>
    public OpenStackCredentials Credentials => _credentials;

    /// <summary>How many logins this authenticator has made (for diagnostics and tests).</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>A valid token: the cached one, or a new login's.</summary>
    public Task<AuthToken> GetTokenAsync(CancellationToken cancellationToken = default) => GetTokenAsync(async: true, cancellationToken).AsTask();

    /// <summary>A valid token, synchronously.</summary>
    public AuthToken GetToken(CancellationToken cancellationToken = default)
    {
        var task = GetTokenAsync(async: false, cancellationToken);
        return task.IsCompleted ? task.Result : throw new InvalidOperationException("A synchronous login did not complete synchronously.");
    }

    /// <summary>A valid token; with <paramref name="async"/> false the result is complete on return.</summary>
    public async ValueTask<AuthToken> GetTokenAsync(bool async, CancellationToken cancellationToken)
    {
        if (Valid(Volatile.Read(ref _token)) is { } cached)
        {
            return cached;
        }
        if (async)
        {
            await _login.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _login.Wait(cancellationToken);
        }
        try
        {
            // Another caller may have logged in while this one waited.
            if (Valid(Volatile.Read(ref _token)) is { } fresh)
            {
                return fresh;
            }
            var token = await LoginAsync(async, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _logins);
            Volatile.Write(ref _token, token);
            return token;
        }
        finally
        {
            _login.Release();
        }
    }

    /// <summary>
    /// Drops the cached token after a server refused it (401 on a revoked or expired token); the next call logs in again
    /// (one login for all the calls waiting). Returns whether sending again may help: false for a fixed token.
    /// </summary>
    public bool Invalidate()
    {
        if (_credentials.EffectiveKind == OpenStackAuthKind.Token)
        {
            return false;
        }
        Volatile.Write(ref _token, null);
        return true;
    }

    private AuthToken? Valid(AuthToken? token) =>
        token is not null && (token.ExpiresAt is not { } expires || expires - ExpiryMargin > _clock.GetUtcNow()) ? token : null;

    private ValueTask<AuthToken> LoginAsync(bool async, CancellationToken ct) => _credentials.EffectiveKind switch
    {
        OpenStackAuthKind.Token => new(new AuthToken(
            _credentials.Token ?? throw Fail("a fixed token needs OS_AUTH_TOKEN (OpenStackCredentials.Token)."),
            _credentials.StorageUrl ?? throw Fail("a fixed token needs a storage URL (OS_STORAGE_URL)."), null, _clock.GetUtcNow())),
        OpenStackAuthKind.TempAuth => TempAuthAsync(async, ct),
        _ => KeystoneAsync(async, ct),
    };

    private async ValueTask<AuthToken> TempAuthAsync(bool async, CancellationToken ct)
    {
        var url = _credentials.AuthUrl ?? throw Fail("TempAuth needs an auth URL (ST_AUTH).");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("X-Auth-User", _credentials.Username ?? throw Fail("TempAuth needs a user (ST_USER)."));
        request.Headers.TryAddWithoutValidation("X-Auth-Key", _credentials.Password ?? throw Fail("TempAuth needs a key (ST_KEY)."));
        var now = _clock.GetUtcNow();
        using var response = await SendAsync(request, async, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Fail($"TempAuth at {url} refused user '{_credentials.Username}': HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        var token = Header(response, "X-Auth-Token") ?? Header(response, "X-Storage-Token") ?? throw Fail($"TempAuth at {url} answered with no X-Auth-Token.");
        var storage = _credentials.StorageUrl ?? (Header(response, "X-Storage-Url") is { } s ? new Uri(s) : throw Fail($"TempAuth at {url} answered with no X-Storage-Url."));
        DateTimeOffset? expires = Header(response, "X-Auth-Token-Expires") is { } seconds
            && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s2) ? now.AddSeconds(s2) : null;
        return new AuthToken(token, storage, expires, now);
    }

    private async ValueTask<AuthToken> KeystoneAsync(bool async, CancellationToken ct)
    {
        var auth = _credentials.AuthUrl ?? throw Fail("Keystone needs an auth URL (OS_AUTH_URL).");
        var url = KeystoneRequest.TokensUrl(auth);
        byte[] body;
        try
        {
            body = KeystoneRequest.Body(_credentials);
        }
        catch (ArgumentException e)
        {
            throw Fail(e.Message);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        var now = _clock.GetUtcNow();
        using var response = await SendAsync(request, async, ct).ConfigureAwait(false);
        var text = async ? await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false) : ReadAll(response.Content.ReadAsStream(ct));
        if (!response.IsSuccessStatusCode)
        {
            throw Fail($"Keystone at {url} refused the login ({Who()}): HTTP {(int)response.StatusCode} {KeystoneMessage(text) ?? response.ReasonPhrase}.");
        }
        var token = Header(response, "X-Subject-Token") ?? throw Fail($"Keystone at {url} answered with no X-Subject-Token.");
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement.GetProperty("token");
            DateTimeOffset? expires = root.TryGetProperty("expires_at", out var e) && e.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
            var storage = _credentials.StorageUrl ?? ServiceCatalog.Select(
                root.TryGetProperty("catalog", out var catalog) ? catalog : default, _credentials.ServiceType, _credentials.Interface, _credentials.RegionName);
            return new AuthToken(token, storage, expires, now);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            throw Fail($"Keystone at {url}: {ex.Message}", ex);
        }
    }

    private string Who() =>
        _credentials.ApplicationCredentialId is { } id ? $"application credential {id}"
        : $"user '{_credentials.Username ?? _credentials.UserId}', project '{_credentials.ProjectName ?? _credentials.ProjectId}'";

    private static string? KeystoneMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message)
                ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async ValueTask<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool async, CancellationToken ct)
    {
        try
        {
            return async ? await _http.SendAsync(request, ct).ConfigureAwait(false) : _http.Send(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw Fail($"the login at {request.RequestUri?.GetLeftPart(UriPartial.Path)} failed: {e.Message}", e);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private static ClientException Fail(string message, Exception? inner = null) =>
        new(ClientErrorKind.Credentials, "openstack: " + message, inner) { Service = "swift" };

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _login.Dispose();
    }

    /// <summary>Shows the credentials (without secrets) and whether a token is held.</summary>
    public override string ToString() => $"OpenStackAuthenticator {{ {_credentials}, HasToken = {Volatile.Read(ref _token) is not null} }}";
}
