namespace Stratus.Protocols.Json;

/// <summary>
/// Strings for short UTF-8 values (property names, enum-like values) shared through a small per-thread cache
/// looked up by the bytes themselves: a hit costs a hash of a few bytes and one comparison, with no transcoding
/// to UTF-16 first. Direct-mapped and fixed in size (a colliding value replaces the one in its slot), so the
/// cache stays small whatever the responses hold; a miss costs what making the string costs anyway
/// (the caller makes it, so invalid UTF-8 fails as it would have).
/// </summary>
internal static class Utf8StringCache
{
    /// <summary>Values up to this many bytes are cached; longer ones are mostly unique (ids, names, URLs).</summary>
    public const int ShortValue = 32;

    private const int Slots = 4096;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>The shared string for <paramref name="utf8"/> (at most <see cref="ShortValue"/> bytes, no JSON escapes) if the cache holds it.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out string text)
    {
        ref var entry = ref Slot(utf8);
        if (entry.Utf8 is { } known && utf8.SequenceEqual(known))
        {
            text = entry.Text!;
            return true;
        }
        text = "";
        return false;
    }

    /// <summary>Keeps <paramref name="text"/>, made from <paramref name="utf8"/> by the caller, for the next lookups.</summary>
    public static void Add(ReadOnlySpan<byte> utf8, string text) => Slot(utf8) = new Entry(utf8.ToArray(), text);

    private static ref Entry Slot(ReadOnlySpan<byte> utf8)
    {
        // FNV-1a: over at most 32 bytes this is cheaper than anything that needs setting up.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }
        var entries = t_entries ??= new Entry[Slots];
        return ref entries[(hash ^ (hash >> 15)) & (Slots - 1)];
    }

    private readonly record struct Entry(byte[]? Utf8, string? Text);
}
