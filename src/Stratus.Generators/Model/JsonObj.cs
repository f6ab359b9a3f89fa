using System.Collections.Generic;

namespace Stratus.Generators.Model;

/// <summary>
/// A parsed JSON object that keeps its members in document order (the order the generated members follow)
/// and finds them by name.
/// </summary>
internal sealed class JsonObj
{
    private readonly Dictionary<string, object?> _byName = new(System.StringComparer.Ordinal);

    /// <summary>The members in document order.</summary>
    public List<KeyValuePair<string, object?>> Members { get; } = new();

    /// <summary>Adds a member (a repeated name keeps its first position and its last value, as most parsers do).</summary>
    public void Add(string name, object? value)
    {
        if (!_byName.ContainsKey(name))
        {
            Members.Add(new KeyValuePair<string, object?>(name, value));
        }
        else
        {
            var i = Members.FindIndex(m => m.Key == name);
            Members[i] = new KeyValuePair<string, object?>(name, value);
        }
        _byName[name] = value;
    }

    /// <summary>The value of a member, or null.</summary>
    public object? Get(string name) => _byName.TryGetValue(name, out var v) ? v : null;

    /// <summary>A string member, or null.</summary>
    public string? Str(string name) => Get(name) as string;

    /// <summary>An object member, or null.</summary>
    public JsonObj? Obj(string name) => Get(name) as JsonObj;

    /// <summary>An array member, or null.</summary>
    public List<object?>? Arr(string name) => Get(name) as List<object?>;

    /// <summary>Whether a member is the literal <c>true</c>.</summary>
    public bool IsTrue(string name) => Get(name) is true;

    /// <summary>A member that is a string or a list of strings (paginator tokens), as a list.</summary>
    public List<string> Strings(string name)
    {
        var result = new List<string>();
        switch (Get(name))
        {
            case string s:
                result.Add(s);
                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    if (item is string t)
                    {
                        result.Add(t);
                    }
                }
                break;
        }
        return result;
    }
}
