using Stratus.Client;

namespace Stratus.Storage;

/// <summary>A portable storage call failed; <see cref="Kind"/> says how, the inner exception says what the provider said.</summary>
public sealed class StorageException : StratusException
{
    /// <summary>Creates the exception.</summary>
    public StorageException(StorageErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>What went wrong.</summary>
    public StorageErrorKind Kind { get; }

    /// <summary>The container, if the call named one.</summary>
    public string? Container { get; init; }

    /// <summary>The object key, if the call named one.</summary>
    public string? Key { get; init; }
}
