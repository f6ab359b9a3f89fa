using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stratus.Endpoints;

/// <summary>
/// The AWS partitions (<c>partitions.json</c>), loaded once: which partition a region belongs to. A region listed
/// by a partition belongs to it; otherwise the first partition whose region pattern matches; otherwise <c>aws</c>.
/// Immutable and safe to share across threads.
/// </summary>
public sealed class Partitions
{
    private readonly (Partition Partition, Regex Pattern)[] _patterns;
    private readonly FrozenDictionary<string, Partition> _byRegion;
    private readonly Partition _fallback;

    private Partitions(IReadOnlyList<Partition> all, (Partition, Regex)[] patterns, FrozenDictionary<string, Partition> byRegion)
    {
        All = all;
        _patterns = patterns;
        _byRegion = byRegion;
        _fallback = all.FirstOrDefault(p => p.Id == "aws") ?? all[0];
    }

    /// <summary>Every partition, in file order.</summary>
    public IReadOnlyList<Partition> All { get; }

    /// <summary>Loads a parsed <c>partitions.json</c> (its root element).</summary>
    /// <exception cref="InvalidDataException">The document has no partitions.</exception>
    public static Partitions Load(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("partitions", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new InvalidDataException("partitions.json has no 'partitions'.");
        }
        var all = new List<Partition>();
        var patterns = new List<(Partition, Regex)>();
        var byRegion = new Dictionary<string, Partition>(StringComparer.Ordinal);
        foreach (var entry in list.EnumerateArray())
        {
            var id = entry.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? "" : "";
            var outputs = ReadOutputs(entry.TryGetProperty("outputs", out var o) ? o : default, null);
            outputs.TryAdd("name", id);
            var partition = new Partition(id, outputs.ToFrozenDictionary(StringComparer.Ordinal));
            all.Add(partition);
            if (entry.TryGetProperty("regionRegex", out var regex) && regex.GetString() is { Length: > 0 } pattern)
            {
                // ECMAScript semantics: \w and \d are ASCII only, as in the regex dialects the file is written for.
                patterns.Add((partition, new Regex(pattern, RegexOptions.ECMAScript)));
            }
            if (entry.TryGetProperty("regions", out var regions) && regions.ValueKind == JsonValueKind.Object)
            {
                foreach (var region in regions.EnumerateObject())
                {
                    byRegion.TryAdd(region.Name, HasOverrides(region.Value)
                        ? new Partition(id, ReadOutputs(region.Value, partition.Outputs).ToFrozenDictionary(StringComparer.Ordinal))
                        : partition);
                }
            }
        }
        return new Partitions(all, [.. patterns], byRegion.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Loads <c>partitions.json</c> from UTF-8 JSON.</summary>
    public static Partitions Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Load(document.RootElement);
    }

    /// <summary>The partition of <paramref name="region"/>.</summary>
    public Partition Resolve(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (_byRegion.TryGetValue(region, out var listed))
        {
            return listed;
        }
        foreach (var (partition, pattern) in _patterns)
        {
            if (pattern.IsMatch(region))
            {
                return partition;
            }
        }
        return _fallback;
    }

    private static bool HasOverrides(JsonElement region) =>
        region.ValueKind == JsonValueKind.Object && region.EnumerateObject().Any(p => p.Name != "description");

    // Reads an "outputs" object (or a region's overrides, on top of its partition's outputs) into rule values.
    private static Dictionary<string, object?> ReadOutputs(JsonElement outputs, IReadOnlyDictionary<string, object?>? inherited)
    {
        var result = inherited is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(inherited, StringComparer.Ordinal);
        if (outputs.ValueKind != JsonValueKind.Object)
        {
            return result;
        }
        foreach (var p in outputs.EnumerateObject())
        {
            if (inherited is not null && p.Name == "description")
            {
                continue;
            }
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => Rules.RuleValues.True,
                JsonValueKind.False => Rules.RuleValues.False,
                _ => null,
            };
        }
        return result;
    }
}
