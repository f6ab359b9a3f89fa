namespace Stratus.Storage;

/// <summary>What <see cref="ObjectStore.GetAsync"/> reads.</summary>
public sealed class GetOptions
{
    /// <summary>The first byte to read (0-based). Default: the start.</summary>
    public long? RangeStart { get; set; }

    /// <summary>The last byte to read, inclusive. Default: the end.</summary>
    public long? RangeEnd { get; set; }
}
