using Stratus.Tests.TestSupport;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Stratus.Tests.OpenStack;

/// <summary>
/// A loopback stand-in for Keystone v3's token API (no Keystone runs here): <c>POST /v3/auth/tokens</c> checks the
/// request body against the one user and application credential it knows, then answers 201 with a token in
/// <c>X-Subject-Token</c> and a catalog whose <c>object-store</c> endpoint for (<see cref="Region"/>, public) is the real
/// Swift's storage URL; the other interfaces and regions point at a port where nothing listens. The token it hands
/// out is a real TempAuth token obtained from the Swift all-in-one, so the Swift calls that follow are real.
/// </summary>
public sealed class FakeKeystone : IAsyncDisposable
{
    public const string User = "alice";
    public const string Password = "correct horse battery staple";
    public const string UserDomain = "Default";
    public const string Project = "demo";
    public const string ProjectDomain = "Default";
    public const string AppCredentialId = "0a1b2c3d4e5f";
    public const string AppCredentialSecret = "app-secret-9f8e7d";
    public const string Region = "RegionTwo";

    private readonly WebApplication _app;
    private readonly Uri _swiftAuth;
    private int _bogusLeft;

    private FakeKeystone(WebApplication app, Uri swiftAuth)
    {
        _app = app;
        _swiftAuth = swiftAuth;
    }

    /// <summary>The auth URL as a user would set <c>OS_AUTH_URL</c> (ending <c>/v3</c>).</summary>
    public Uri AuthUrl { get; private set; } = null!;

    /// <summary>The bodies of the token requests, parsed.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>Tokens handed out so far.</summary>
    public int TokensIssued => _issued;
    private int _issued;

    /// <summary>The next <paramref name="count"/> logins get a token Swift does not know (to make it answer 401).</summary>
    public void HandOutBogusTokens(int count) => Volatile.Write(ref _bogusLeft, count);

    /// <summary>How long the tokens handed out say they live.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The clock expires_at is reckoned by (a test shares its fake clock with the client).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public static async Task<FakeKeystone> StartAsync(Uri swiftAuth)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var keystone = new FakeKeystone(app, swiftAuth);
        app.Run(keystone.ServeAsync);
        await app.StartAsync();
        keystone.AuthUrl = new Uri(new Uri(app.Urls.First()), "/v3");
        return keystone;
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (context.Request.Method != "POST" || context.Request.Path != "/v3/auth/tokens")
        {
            context.Response.StatusCode = 404;
            return;
        }
        JsonObject body;
        try
        {
            body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        }
        catch (JsonException)
        {
            await Refuse(context, 400, "Malformed JSON");
            return;
        }
        Requests.Enqueue(body);
        if (!context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
        {
            await Refuse(context, 415, "Content-Type must be application/json");
            return;
        }
        if (!Authenticates(body["auth"] as JsonObject))
        {
            await Refuse(context, 401, "The request you have made requires authentication.");
            return;
        }
        var token = await SwiftTokenAsync();
        if (Interlocked.Decrement(ref _bogusLeft) >= 0)
        {
            token = ("AUTH_tk" + Guid.NewGuid().ToString("N"), token.StorageUrl); // well formed, unknown to Swift
        }
        Interlocked.Increment(ref _issued);
        context.Response.StatusCode = 201;
        context.Response.Headers["X-Subject-Token"] = token.Token;
        context.Response.ContentType = "application/json";
        var expires = Clock.GetUtcNow() + Lifetime;
        var document = new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["methods"] = new JsonArray(body["auth"]!["identity"]!["methods"]![0]!.GetValue<string>()),
                ["expires_at"] = expires.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["catalog"] = Catalog(token.StorageUrl),
            },
        };
        await context.Response.WriteAsync(document.ToJsonString());
    }

    // Only the right endpoint works: a wrong choice of region or interface makes the calls fail.
    private static JsonArray Catalog(string storageUrl)
    {
        var nowhere = $"http://127.0.0.1:{Stratus.Tests.Credentials.LoopbackServer.ClosedPort()}/v1/AUTH_wrong";
        JsonObject Endpoint(string @interface, string region, string url) =>
            new() { ["id"] = Guid.NewGuid().ToString("N"), ["interface"] = @interface, ["region"] = region, ["region_id"] = region, ["url"] = url };
        return
        [
            new JsonObject
            {
                ["type"] = "identity", ["name"] = "keystone",
                ["endpoints"] = new JsonArray(Endpoint("public", Region, "http://127.0.0.1:5000/v3")),
            },
            new JsonObject
            {
                ["type"] = "object-store", ["name"] = "swift",
                ["endpoints"] = new JsonArray(
                    Endpoint("public", "RegionOne", nowhere),
                    Endpoint("internal", Region, nowhere + "_internal"),
                    Endpoint("admin", Region, nowhere + "_admin"),
                    Endpoint("public", Region, storageUrl)),
            },
        ];
    }

    private static bool Authenticates(JsonObject? auth)
    {
        var identity = auth?["identity"] as JsonObject;
        var method = identity?["methods"] is JsonArray { Count: 1 } methods ? (string?)methods[0] : null;
        switch (method)
        {
            case "password":
                var user = identity!["password"]?["user"];
                var project = auth!["scope"]?["project"];
                return (string?)user?["name"] == User && (string?)user?["domain"]?["name"] == UserDomain && (string?)user?["password"] == Password
                    && (string?)project?["name"] == Project && (string?)project?["domain"]?["name"] == ProjectDomain;
            case "application_credential":
                var credential = identity!["application_credential"];
                // An application credential carries its scope: a scope in the request is an error.
                return (string?)credential?["id"] == AppCredentialId && (string?)credential?["secret"] == AppCredentialSecret && auth!["scope"] is null;
            default:
                return false;
        }
    }

    private async Task<(string Token, string StorageUrl)> SwiftTokenAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _swiftAuth);
        request.Headers.Add("X-Auth-User", "test:tester");
        request.Headers.Add("X-Auth-Key", "testing");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (response.Headers.GetValues("X-Auth-Token").First(), response.Headers.GetValues("X-Storage-Url").First());
    }

    private static async Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["title"] = "Unauthorized" },
        }.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
