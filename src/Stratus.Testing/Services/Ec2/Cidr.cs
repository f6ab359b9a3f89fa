using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Stratus.Testing.Services.Ec2;

/// <summary>An IPv4 or IPv6 CIDR block (<c>172.31.0.0/20</c>).</summary>
internal readonly record struct Cidr(IPAddress Address, int PrefixLength)
{
    public bool IsIPv4 => Address.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>The number of IPv4 addresses in the block.</summary>
    public long Size => 1L << (32 - PrefixLength);

    public static bool TryParse(string text, bool ipv6, out Cidr cidr)
    {
        cidr = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            || address.AddressFamily != (ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > (ipv6 ? 128 : 32)
            || (!ipv6 && text.AsSpan(0, slash).Count('.') != 3))
        {
            return false;
        }
        cidr = new Cidr(address, prefix);
        return true;
    }

    /// <summary>The IPv4 address at <paramref name="offset"/> from the start of the block.</summary>
    public IPAddress At(long offset)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Start + (uint)offset);
        return new IPAddress(bytes);
    }

    /// <summary>The offset of an IPv4 address in the block, or -1 when outside it.</summary>
    public long OffsetOf(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return -1;
        }
        var value = BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
        var offset = (long)value - Start;
        return offset >= 0 && offset < Size ? offset : -1;
    }

    private uint Start => BinaryPrimitives.ReadUInt32BigEndian(Address.GetAddressBytes()) & (PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength));

    public override string ToString() => $"{Address}/{PrefixLength}";
}
