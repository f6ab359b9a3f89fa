using Stratus.Tests.TestSupport;
using System.Security.Cryptography;
using System.Text;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

public class PayloadHashTests
{
    [Fact]
    public void Empty_payload_hashes_to_the_constant()
    {
        Assert.Equal(PayloadHash.Empty, PayloadHash.Compute(ReadOnlySpan<byte>.Empty));
        Assert.Equal(PayloadHash.Empty, PayloadHash.Compute(new MemoryStream()));
    }

    [Fact]
    public void Span_memory_and_stream_agree()
    {
        var data = new byte[200_000];
        new Random(7).NextBytes(data);
        var expected = Convert.ToHexStringLower(SHA256.HashData(data));
        Assert.Equal(expected, PayloadHash.Compute(data.AsSpan()));
        Assert.Equal(expected, PayloadHash.Compute(data.AsMemory()));
        Assert.Equal(expected, PayloadHash.Compute(new MemoryStream(data)));
    }

    [Fact]
    public async Task Stream_is_hashed_from_its_position_which_is_then_restored()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("xxParam1=value1"));
        stream.Position = 2;
        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", PayloadHash.Compute(stream));
        Assert.Equal(2, stream.Position);
        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", await PayloadHash.ComputeAsync(stream));
        Assert.Equal(2, stream.Position);
    }

    [Fact]
    public void Non_seekable_stream_is_rejected()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream();
        Assert.Throws<ArgumentException>(() => PayloadHash.Compute(pipe));
    }
}
