using System.Collections;

namespace Stratus.Endpoints;

/// <summary>
/// The values to resolve an endpoint with: parameter names to a <see cref="string"/>, a <see cref="bool"/> or a
/// <c>string[]</c>. Unset parameters take the rule set's default. Supports collection initializers:
/// <c>new EndpointParameters { { "Region", "us-east-1" }, { "UseFIPS", false } }</c>.
/// </summary>
public sealed class EndpointParameters : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    /// <summary>The values, for the resolver (a struct enumerator: no allocation).</summary>
    internal Dictionary<string, object> Values => _values;

    /// <summary>The number of parameters set.</summary>
    public int Count => _values.Count;

    /// <summary>
    /// Gets or sets a value: a <see cref="string"/>, a <see cref="bool"/>, a sequence of strings (copied), or
    /// <see langword="null"/> to unset it.
    /// </summary>
    /// <exception cref="ArgumentException">The value is of another type.</exception>
    public object? this[string name]
    {
        get => Expose(_values.GetValueOrDefault(name));
        set
        {
            ArgumentNullException.ThrowIfNull(name);
            switch (value)
            {
                case null:
                    _values.Remove(name);
                    break;
                case string or bool:
                    _values[name] = value;
                    break;
                case IEnumerable<string> list:
                    _values[name] = list.ToArray();
                    break;
                default:
                    throw new ArgumentException($"Endpoint parameter '{name}' must be a string, a boolean or a list of strings, not {value.GetType().Name}.", nameof(value));
            }
        }
    }

    /// <summary>Sets a string parameter (<see langword="null"/> unsets it).</summary>
    public void Add(string name, string? value) => this[name] = value;

    /// <summary>Sets a boolean parameter.</summary>
    public void Add(string name, bool value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _values[name] = value ? True : False;
    }

    // Booleans boxed once: the endpoint binder sets several per call.
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>Sets a string-array parameter (the values are copied; <see langword="null"/> unsets it).</summary>
    public void Add(string name, IEnumerable<string>? values) => this[name] = values;

    /// <summary>Gets a value, if set (a string array comes back read-only).</summary>
    public bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? value)
    {
        var found = _values.TryGetValue(name, out value);
        value = Expose(value);
        return found;
    }

    /// <summary>Unsets a parameter.</summary>
    public bool Remove(string name) => _values.Remove(name);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() =>
        _values.Select(p => KeyValuePair.Create(p.Key, Expose(p.Value)!)).GetEnumerator();

    // Arrays are kept privately (resolution caches them as keys), so callers only ever see a read-only view.
    private static object? Expose(object? value) => value is string[] array ? Array.AsReadOnly(array) : value;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
