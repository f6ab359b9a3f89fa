namespace Stratus.Client;

/// <summary>An object a multi-select hash made, keeping its keys' order.</summary>
internal sealed class PathMap
{
    public List<KeyValuePair<string, object?>> Entries { get; } = [];

    public object? Get(string name)
    {
        foreach (var (k, v) in Entries)
        {
            if (k == name)
            {
                return v;
            }
        }
        return null;
    }
}
