using System.Text.Json;

namespace Stratus.Waiters;

/// <summary>A waiter as waiters-2.json defines it: the operation it polls, how often, and its acceptors in order.</summary>
public sealed class WaiterDefinition
{
    /// <summary>Creates a definition.</summary>
    public WaiterDefinition(string name, string operation, TimeSpan delay, int maxAttempts, IReadOnlyList<WaiterAcceptor> acceptors)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(acceptors);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Name = name;
        Operation = operation;
        Delay = delay;
        MaxAttempts = maxAttempts;
        Acceptors = acceptors;
    }

    /// <summary>The waiter's name, for example <c>BucketExists</c>.</summary>
    public string Name { get; }

    /// <summary>The operation polled, for example <c>HeadBucket</c>.</summary>
    public string Operation { get; }

    /// <summary>The default time between attempts.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The default most attempts.</summary>
    public int MaxAttempts { get; }

    /// <summary>The acceptors, tried in order; the first that matches decides.</summary>
    public IReadOnlyList<WaiterAcceptor> Acceptors { get; }

    /// <summary>Reads one waiter of a waiters-2.json document (<c>waiters.&lt;name&gt;</c>).</summary>
    /// <exception cref="FormatException">The definition is malformed.</exception>
    public static WaiterDefinition Parse(string name, JsonElement waiter)
    {
        try
        {
            var operation = waiter.GetProperty("operation").GetString()!;
            var delay = waiter.TryGetProperty("delay", out var d) ? d.GetDouble() : 15;
            var maxAttempts = waiter.TryGetProperty("maxAttempts", out var m) ? m.GetInt32() : 40;
            var acceptors = waiter.GetProperty("acceptors").EnumerateArray().Select(WaiterAcceptor.Parse).ToArray();
            return new WaiterDefinition(name, operation, TimeSpan.FromSeconds(delay), maxAttempts, acceptors);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Waiter {name}: {e.Message}", e);
        }
    }

    /// <summary>Reads every waiter of a waiters-2.json document, by name.</summary>
    /// <exception cref="FormatException">A definition is malformed.</exception>
    public static IReadOnlyDictionary<string, WaiterDefinition> ParseAll(JsonElement document)
    {
        var result = new Dictionary<string, WaiterDefinition>(StringComparer.Ordinal);
        if (document.ValueKind == JsonValueKind.Object && document.TryGetProperty("waiters", out var waiters))
        {
            foreach (var w in waiters.EnumerateObject())
            {
                result[w.Name] = Parse(w.Name, w.Value);
            }
        }
        return result;
    }

    /// <summary>Shows the name, operation and defaults.</summary>
    public override string ToString() => $"Waiter {Name} {{ Operation = {Operation}, Delay = {Delay.TotalSeconds:0.###} s, MaxAttempts = {MaxAttempts} }}";
}
