using Stratus.Client;
using Stratus.OpenStack;
using Stratus.OpenStack.Auth;
using Stratus.OpenStack.Swift;
using Stratus.Pipeline;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.OpenStack;

/// <summary>The Swift all-in-one (TempAuth, user <c>test:tester</c>, key <c>testing</c>) at EMU_SWIFT_AUTH_URL.</summary>
internal static class SwiftEmulator
{
    public const string Variable = "EMU_SWIFT_AUTH_URL";
    public const string User = "test:tester";
    public const string Key = "testing";

    // Shared by every test that signs temporary URLs: the account has one key, and tests run in parallel.
    public const string TempUrlKey = "stratus-tests-temp-url-key";

    public static Uri AuthUrl => Emulators.Url(Variable)!;

    public static OpenStackCredentials Credentials(string? key = null) => new()
    {
        AuthUrl = AuthUrl,
        Kind = OpenStackAuthKind.TempAuth,
        Username = User,
        Password = key ?? Key,
    };

    public static SwiftClient Client(HttpMessageHandler? transport = null, string? key = null) =>
        new(new OpenStackProvider(Credentials(key)), new ClientOptions { Transport = transport, Retry = new RetryOptions { MaxAttempts = 2 } });

    public static string NewName(string what = "c") => $"stratus-{what}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>Deletes a container and everything in it (and its segments container), ignoring what is already gone.</summary>
    public static async Task DropAsync(SwiftClient swift, string container)
    {
        foreach (var name in new[] { container, container + "_segments" })
        {
            try
            {
                var listing = await swift.Service.CallAsync("ListObjects", new System.Text.Json.Nodes.JsonObject { ["Container"] = name });
                var keys = (listing["Objects"] as System.Text.Json.Nodes.JsonArray ?? []).Select(o => (name, (string)o!["Name"]!)).ToList();
                if (keys.Count > 0)
                {
                    await swift.BulkDeleteAsync(keys);
                }
                await swift.Service.CallAsync("DeleteContainer", new System.Text.Json.Nodes.JsonObject { ["Container"] = name });
            }
            catch (ServiceException e) when (e.StatusCode == 404)
            {
            }
        }
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}

/// <summary>A stream that cannot seek nor tell its length, as a pipe or a network body.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 100_000));
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer[..Math.Min(buffer.Length, 100_000)], cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Counts the requests in flight at once whose path contains a marker (for example a segments container).</summary>
internal sealed class InFlightCounter(string marker) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _now;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var counted = request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains(marker, StringComparison.Ordinal);
        if (counted)
        {
            var now = Interlocked.Increment(ref _now);
            int max;
            while (now > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, max) != max)
            {
            }
        }
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }
}
