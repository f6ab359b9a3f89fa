using System.Collections.Concurrent;

namespace Stratus.Testing.Mock;

/// <summary>The access keys the mock cloud accepts, by access key id. Thread-safe; STS adds temporary keys.</summary>
public sealed class MockAccounts
{
    private readonly ConcurrentDictionary<string, MockAccount> _byKey = new(StringComparer.Ordinal);

    /// <summary>Creates the set from the configured accounts.</summary>
    public MockAccounts(IEnumerable<MockAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var a in accounts)
        {
            Add(a);
        }
    }

    /// <summary>Every key.</summary>
    public IEnumerable<MockAccount> All => _byKey.Values;

    /// <summary>Adds (or replaces) a key.</summary>
    public void Add(MockAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _byKey[account.AccessKeyId] = account;
    }

    /// <summary>Finds a key; expired temporary keys are not found.</summary>
    public MockAccount? Find(string accessKeyId, DateTimeOffset now) =>
        _byKey.TryGetValue(accessKeyId, out var a) && (a.Expiration is null || a.Expiration > now) ? a : null;
}
