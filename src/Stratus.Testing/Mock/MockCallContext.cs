using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

/// <summary>What a mocked service knows about the call it answers.</summary>
public sealed class MockCallContext
{
    /// <summary>Creates a context (the mock cloud does this per request; tests of a service may too).</summary>
    public MockCallContext(MockAccount account, string region, ServerRequest request, ServiceModel service, Uri baseUrl, MockBlobStore blobs, TimeProvider? clock = null)
    {
        Blobs = blobs;
        Account = account;
        Region = region;
        Request = request;
        Service = service;
        BaseUrl = baseUrl;
        Clock = clock ?? TimeProvider.System;
        RequestId = Guid.NewGuid().ToString();
    }

    /// <summary>The calling account (from the request's access key; the default account when unsigned).</summary>
    public MockAccount Account { get; }

    /// <summary>The region the request was signed for (or addressed to).</summary>
    public string Region { get; }

    /// <summary>The raw request, for what the model does not carry (for example S3's Host for virtual-hosted addressing).</summary>
    public ServerRequest Request { get; }

    /// <summary>The service's model.</summary>
    public ServiceModel Service { get; }

    /// <summary>The URL the client reached the mock cloud at (scheme, host, port), for URLs in results such as an SQS QueueUrl.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Where to keep large binary data (object bodies, parts).</summary>
    public MockBlobStore Blobs { get; }

    /// <summary>The accounts the cloud knows, to find or add credentials (STS AssumeRole adds temporary keys).</summary>
    public MockAccounts? Accounts { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The request id written to the response.</summary>
    public string RequestId { get; }

    /// <summary>Now, per <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();
}
