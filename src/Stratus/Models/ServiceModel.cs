using System.Collections.Concurrent;
using System.Text.Json;

namespace Stratus.Models;

/// <summary>
/// A service, described by its model (<c>service-2.json</c>): metadata, operations and shapes.
/// Operations and shapes are built on first use and cached, so loading a large model is cheap.
/// Immutable and safe to share across threads.
/// </summary>
public sealed class ServiceModel
{
    private readonly JsonElement _operations;
    private readonly JsonElement _shapes;
    private readonly ConcurrentDictionary<string, OperationModel?> _operationCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Shape> _shapeCache = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, string>> _aliases;

    /// <summary>Builds a model from a parsed <c>service-2.json</c> document.</summary>
    /// <param name="name">The service name (botocore's folder name, for example <c>ec2</c>).</param>
    /// <param name="document">The parsed model (its root element).</param>
    public ServiceModel(string name, JsonElement document)
    {
        Name = name;
        Metadata = new ServiceMetadata(JsonModel.Obj(document, "metadata"));
        _operations = JsonModel.Obj(document, "operations") ?? JsonDocument.Parse("{}").RootElement;
        _shapes = JsonModel.Obj(document, "shapes") ?? JsonDocument.Parse("{}").RootElement;
        _aliases = new Lazy<Dictionary<string, string>>(BuildAliases);
    }

    /// <summary>Parses a model from UTF-8 JSON.</summary>
    public static ServiceModel Parse(string name, ReadOnlyMemory<byte> utf8Json) =>
        new(name, JsonDocument.Parse(utf8Json).RootElement);

    /// <summary>The service name, for example <c>ec2</c>.</summary>
    public string Name { get; }

    /// <summary>The model's metadata.</summary>
    public ServiceMetadata Metadata { get; }

    /// <summary>The operation names, as in the model.</summary>
    public IEnumerable<string> OperationNames => _operations.EnumerateObject().Select(o => o.Name);

    /// <summary>The shape names.</summary>
    public IEnumerable<string> ShapeNames => _shapes.EnumerateObject().Select(o => o.Name);

    /// <summary>Finds an operation by its model name or its snake_case or kebab-case form.</summary>
    /// <exception cref="KeyNotFoundException">No such operation.</exception>
    public OperationModel GetOperation(string name) =>
        TryGetOperation(name, out var op) ? op : throw new KeyNotFoundException($"Service '{Name}' has no operation '{name}'.");

    /// <summary>Finds an operation by its model name or its snake_case or kebab-case form.</summary>
    public bool TryGetOperation(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OperationModel? operation)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Looked up first: the method group would make a new delegate on every call.
        if (!_operationCache.TryGetValue(name, out operation))
        {
            operation = _operationCache.GetOrAdd(name, Lookup);
        }
        return operation is not null;
    }

    private OperationModel? Lookup(string name)
    {
        var canonical = _operations.TryGetProperty(name, out _) ? name : _aliases.Value.GetValueOrDefault(NameStyle.Fold(name));
        if (canonical is null || !_operations.TryGetProperty(canonical, out var definition))
        {
            return null;
        }
        return canonical == name ? new OperationModel(this, canonical, definition) : _operationCache.GetOrAdd(canonical, Lookup);
    }

    /// <summary>Gets a named shape.</summary>
    /// <exception cref="KeyNotFoundException">No such shape.</exception>
    public Shape GetShape(string name) => _shapeCache.GetOrAdd(name, n =>
        _shapes.TryGetProperty(n, out var d) ? new Shape(this, n, d, null, null) : throw new KeyNotFoundException($"Service '{Name}' has no shape '{n}'."));

    /// <summary>Gets a named shape, if the model declares it.</summary>
    public bool TryGetShape(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Shape? shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        shape = _shapes.TryGetProperty(name, out _) ? GetShape(name) : null;
        return shape is not null;
    }

    /// <summary>Resolves a shape reference (<c>{"shape": "X", ...member traits}</c>).</summary>
    internal Shape ResolveReference(JsonElement reference, string? memberName)
    {
        var target = JsonModel.Str(reference, "shape") ?? throw new InvalidDataException($"Service '{Name}': a shape reference has no 'shape'.");
        var plain = memberName is null;
        if (plain)
        {
            foreach (var p in reference.EnumerateObject())
            {
                if (p.Name is not ("shape" or "documentation"))
                {
                    plain = false;
                    break;
                }
            }
        }
        if (plain)
        {
            return GetShape(target);
        }
        var definition = _shapes.TryGetProperty(target, out var d) ? d : throw new KeyNotFoundException($"Service '{Name}' has no shape '{target}'.");
        return new Shape(this, target, definition, reference, memberName);
    }

    private Dictionary<string, string> BuildAliases()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in _operations.EnumerateObject())
        {
            map.TryAdd(NameStyle.Fold(p.Name), p.Name);
        }
        return map;
    }
}
