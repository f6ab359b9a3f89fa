using Stratus.Models;

namespace Stratus.Testing.Mock;

/// <summary>How a mock cloud behaves.</summary>
public sealed class MockCloudOptions
{
    /// <summary>The accounts and keys it accepts. Default: account 000000000000 with key <c>test</c> / secret <c>test</c>.</summary>
    public IList<MockAccount> Accounts { get; init; } = [MockAccount.Default];

    /// <summary>Whether to verify request signatures as AWS does. Default: true.</summary>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>A directory where state is kept across restarts (null: in memory only).</summary>
    public string? StateDirectory { get; set; }

    /// <summary>The region assumed when a request names none. Default: us-east-1.</summary>
    public string DefaultRegion { get; set; } = "us-east-1";

    /// <summary>Where models come from. Default: the bundled models.</summary>
    public ModelLoader Models { get; set; } = ModelLoader.Default;

    /// <summary>The largest request body accepted, in bytes (S3 accepts 5 GiB per PUT). Default: 5 GiB.</summary>
    public long MaxBodyBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>The largest non-streaming request body accepted, in bytes (JSON, XML, form bodies). Default: 16 MiB.</summary>
    public int MaxBufferedBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The clock. Default: the system clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
