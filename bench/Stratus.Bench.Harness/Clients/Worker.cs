using Stratus.Bench.Payloads;

namespace Stratus.Bench.Harness.Clients;

/// <summary>What one concurrent worker reuses from call to call: a read buffer, the small body, the large body.</summary>
public sealed class Worker
{
    public static readonly byte[] SmallBody = Enumerable.Range(0, Fixture.SmallSize).Select(i => (byte)i).ToArray();

    public byte[] Sink { get; } = new byte[128 * 1024];

    /// <summary>A new 64 MiB body (a view over a shared buffer; allocates nothing per byte).</summary>
    public static RepeatingStream LargeBody() => new(Fixture.LargeSize);

    /// <summary>Reads a stream to its end through the sink; returns its length.</summary>
    public async Task<long> DrainAsync(Stream body)
    {
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(Sink).ConfigureAwait(false)) > 0)
        {
            total += n;
        }
        return total;
    }

    public static void Expect(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException("Unexpected answer: " + what);
        }
    }
}
