using Stratus.Protocols;

namespace Stratus.Tests.Credentials;

/// <summary>A fact that runs once the <c>query</c> protocol (which STS speaks) is registered, and is skipped, saying why, until then.</summary>
public sealed class QueryProtocolFactAttribute : FactAttribute
{
    public QueryProtocolFactAttribute()
    {
        if (!ProtocolRegistry.IsSupported("query"))
        {
            Skip = "needs the query protocol (branch xml)";
        }
    }
}

/// <summary>A theory that runs once the <c>query</c> protocol is registered, and is skipped, saying why, until then.</summary>
public sealed class QueryProtocolTheoryAttribute : TheoryAttribute
{
    public QueryProtocolTheoryAttribute()
    {
        if (!ProtocolRegistry.IsSupported("query"))
        {
            Skip = "needs the query protocol (branch xml)";
        }
    }
}
