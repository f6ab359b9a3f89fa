namespace Stratus.Storage;

/// <summary>One entry of a listing: an object, or (with a delimiter) a prefix that rolls up the keys below it.</summary>
/// <param name="Key">The object's key, or the prefix (ending with the delimiter).</param>
/// <param name="Object">The object, or null for a prefix.</param>
public sealed record StoreEntry(string Key, ObjectInfo? Object)
{
    /// <summary>Whether this entry is a prefix rather than an object.</summary>
    public bool IsPrefix => Object is null;
}
