using System.Text;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>Equality, order and partition hashing of attribute values.</summary>
internal sealed partial class AttributeValue : IEquatable<AttributeValue>
{
    /// <inheritdoc />
    public bool Equals(AttributeValue? other)
    {
        if (other is null || other.Type != Type)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        return Type switch
        {
            AttributeType.S => string.Equals(S, other.S, StringComparison.Ordinal),
            AttributeType.N => N == other.N,
            AttributeType.B => B.AsSpan().SequenceEqual(other.B),
            AttributeType.BOOL => Bool == other.Bool,
            AttributeType.NULL => true,
            AttributeType.L => L.Count == other.L.Count && L.Zip(other.L).All(p => p.First.Equals(p.Second)),
            AttributeType.M => M.Count == other.M.Count && M.All(e => other.M.TryGetValue(e.Key, out var v) && e.Value.Equals(v)),
            AttributeType.SS => SS.Count == other.SS.Count && SS.All(s => other.SS.Contains(s, StringComparer.Ordinal)),
            AttributeType.NS => NS.Count == other.NS.Count && NS.All(n => other.NS.Contains(n)),
            AttributeType.BS => BS.Count == other.BS.Count && BS.All(b => other.BS.Exists(o => o.AsSpan().SequenceEqual(b))),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AttributeValue);

    /// <inheritdoc />
    public override int GetHashCode() => Type switch
    {
        AttributeType.S => HashCode.Combine(Type, string.GetHashCode(S, StringComparison.Ordinal)),
        AttributeType.N => HashCode.Combine(Type, N),
        AttributeType.B => HashCode.Combine(Type, (int)Token),
        AttributeType.BOOL => HashCode.Combine(Type, Bool),
        _ => HashCode.Combine(Type),
    };

    /// <summary>
    /// Orders two values of the same scalar type as DynamoDB sorts keys and compares with &lt; and &gt;:
    /// strings by UTF-8 bytes, numbers numerically, binaries bytewise (unsigned). Null when they cannot be ordered.
    /// </summary>
    public static int? CompareScalars(AttributeValue a, AttributeValue b) =>
        a.Type != b.Type ? null : a.Type switch
        {
            AttributeType.S => CompareStrings(a.S, b.S),
            AttributeType.N => a.N.CompareTo(b.N),
            AttributeType.B => a.B.AsSpan().SequenceCompareTo(b.B),
            _ => null,
        };

    /// <summary>A total order over key values (scalars by value; different types by type).</summary>
    public static int CompareKeys(AttributeValue? a, AttributeValue? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }
        return CompareScalars(a, b) ?? a.Type.CompareTo(b.Type);
    }

    /// <summary>Orders strings by Unicode code point, which is the order of their UTF-8 bytes.</summary>
    public static int CompareStrings(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return CodePointOrder(a[i]).CompareTo(CodePointOrder(b[i]));
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>
    /// A stable 32-bit hash of a key value (FNV-1a over its type and canonical bytes): the partition a key
    /// falls in. Scans run in this order and parallel scan segments are ranges of it, as in DynamoDB.
    /// </summary>
    public uint Token
    {
        get
        {
            var hash = 2166136261u;
            hash = Mix(hash, (byte)Type);
            var bytes = Type switch
            {
                AttributeType.S => Encoding.UTF8.GetBytes(S),
                AttributeType.N => Encoding.ASCII.GetBytes(N.ToString()),
                AttributeType.B => B,
                _ => [],
            };
            foreach (var b in bytes)
            {
                hash = Mix(hash, b);
            }
            return hash;
        }
    }

    private static uint Mix(uint hash, byte b) => (hash ^ b) * 16777619u;

    // UTF-16 code units to code point order: surrogates (supplementary planes) sort above U+E000..U+FFFF.
    private static int CodePointOrder(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
}
