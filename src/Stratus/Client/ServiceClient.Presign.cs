using System.Text.Json.Nodes;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    /// <summary>
    /// Serializes an operation's call, resolves its endpoint as a call would, and presigns it (SigV4 query
    /// parameters; S3 rules and an unsigned payload for S3). The serialized headers are signed too, so the
    /// caller must send them (<see cref="Stratus.Transfer.PresignedRequest.Headers"/>).
    /// </summary>
    internal async ValueTask<Stratus.Transfer.PresignedRequest> PresignAsync(string operation, JsonObject input, TimeSpan expiresIn, bool async, CancellationToken cancellationToken)
    {
        var op = Operation(operation);
        var serialized = Serialize(op, input);
        var endpoint = ResolveEndpoint(op, input);
        StripBucketLabel(op, input, serialized, endpoint);
        var url = endpoint.Url;
        var request = SigningRequest.From(serialized, url.Authority);
        request.Path = url.AbsolutePath.TrimEnd('/') + serialized.Path;
        foreach (var (name, values) in endpoint.Headers)
        {
            request.Headers[name] = string.Join(',', values);
        }
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        var credentials = await PresignCredentialsAsync(op, async, cancellationToken).ConfigureAwait(false);
        var s3 = Model.Metadata.SignatureVersion is "s3" or "s3v4" || Model.Metadata.SigningName == "s3";
        if (UseS3SigV2)
        {
            // ClientOptions.SignatureVersion = "s3v2": a SigV2 query string (AWSAccessKeyId, Expires, Signature), path style.
            S3SigV2Signer.Presign(request, credentials, SigningTime() + expiresIn);
        }
        else
        {
            SigV4Presign(request, credentials, endpoint, s3, expiresIn);
        }
        var uri = new Uri(url.GetLeftPart(UriPartial.Scheme) + serialized.HostPrefix + url.Authority + request.PathAndQuery,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        return new Stratus.Transfer.PresignedRequest(serialized.Method, uri, headers);
    }

    private void SigV4Presign(SigningRequest request, AwsCredentials credentials, ResolvedEndpoint endpoint, bool s3, TimeSpan expiresIn) =>
        SigV4Signer.Presign(request, credentials, new SigV4Options
        {
            Region = endpoint.SigningRegion,
            Service = endpoint.SigningName,
            Time = SigningTime(),
            PayloadHash = PayloadHash.Unsigned,
            S3Variant = s3,
            DoubleEncodePath = !(s3 || endpoint.DisableDoubleEncoding),
            NormalizePath = !(s3 || endpoint.DisableDoubleEncoding),
            Expires = expiresIn,
        });

    /// <summary>The endpoint URL, signing region and signing name of a call (for presigned POST policies).</summary>
    internal (Uri Url, string SigningRegion, string SigningName) EndpointFor(string operation, JsonObject input)
    {
        var op = Operation(operation);
        var endpoint = ResolveEndpoint(op, input);
        return (endpoint.Url, endpoint.SigningRegion, endpoint.SigningName);
    }

    /// <summary>The credentials a signed call of the operation would use.</summary>
    internal ValueTask<AwsCredentials> PresignCredentialsAsync(Models.OperationModel operation, bool async, CancellationToken cancellationToken) =>
        _credentials is { } provider
            ? ResolveCredentialsAsync(provider, operation, async, cancellationToken)
            : throw new ClientException(ClientErrorKind.Credentials, $"{Model.Name}: an unsigned client cannot presign.") { Service = Model.Name, Operation = operation.Name };

    /// <summary>Now, by the clock calls are signed with (corrected for a skew the server reported).</summary>
    internal DateTimeOffset SigningTime() => _options.Clock.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
}
