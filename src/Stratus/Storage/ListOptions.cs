namespace Stratus.Storage;

/// <summary>What <see cref="ObjectStore.ListAsync"/> lists.</summary>
public sealed class ListOptions
{
    /// <summary>Only keys starting with this.</summary>
    public string? Prefix { get; set; }

    /// <summary>Roll keys up at this delimiter after the prefix (usually <c>/</c>), listing one level of a hierarchy.</summary>
    public string? Delimiter { get; set; }

    /// <summary>Keys per page requested from the provider. Default: the provider's default (usually 1,000).</summary>
    public int? PageSize { get; set; }

    /// <summary>Only keys after this one (a marker).</summary>
    public string? StartAfter { get; set; }
}
