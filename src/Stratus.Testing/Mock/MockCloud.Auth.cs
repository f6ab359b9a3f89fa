using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock.Auth;

namespace Stratus.Testing.Mock;

public sealed partial class MockCloud
{
    private RequestAuthenticator? _authenticator;

    /// <summary>Who is calling, for which region, and the request as the service should read it.</summary>
    private readonly record struct AuthResult(MockAccount Account, string? Region, ServerRequest Request, ServiceError? Error);

    private RequestAuthenticator Authenticator => _authenticator ??= new RequestAuthenticator(
        Accounts, Options.Clock, Options.VerifySignatures, Options.Accounts.Count > 0 ? Options.Accounts[0] : MockAccount.Default);

    private AuthResult Authenticate(ServerRequest request, ServiceModel model, IServerProtocol protocol, OperationModel operation, string? scopeRegion, string? virtualHostBucket)
    {
        var family = RequestAuthenticator.FamilyOf(protocol.Name, model.Metadata.SigningName);
        var result = Authenticator.Authenticate(request, family, virtualHostBucket);
        if (result.Error is { } error)
        {
            return new AuthResult(MockAccount.Default, scopeRegion, request, error);
        }
        // Anonymous calls reach only operations that take none (STS AssumeRoleWithWebIdentity), as on AWS.
        if (result.IsAnonymous && Options.VerifySignatures && !TakesNoAuth(operation))
        {
            return new AuthResult(MockAccount.Default, scopeRegion, request, AuthErrors.MissingAuthentication(family));
        }
        var account = result.Account ?? Authenticator.DefaultAccount;
        if (request.BodyStream is { } body)
        {
            // aws-chunked bodies are decoded (and their chunk signatures checked) as the service reads them;
            // the service sees the decoded length as Content-Length, as S3 reports it.
            var headers = request.Headers;
            if (result.IsAwsChunked && result.DecodedContentLength is { } decoded)
            {
                headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase)
                {
                    ["Content-Length"] = decoded.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                headers.Remove("Content-Encoding");
            }
            request = new ServerRequest
            {
                Method = request.Method,
                Path = request.Path,
                Query = request.Query,
                Headers = headers,
                Host = request.Host,
                Body = request.Body,
                BodyStream = result.OpenBody(body, leaveOpen: true),
            };
        }
        return new AuthResult(account, result.Region ?? scopeRegion, request, null);
    }

    private static bool TakesNoAuth(OperationModel operation) =>
        operation.AuthType == "none" || (operation.Auth.Count > 0 && operation.Auth.All(a => a == "smithy.api#noAuth"));
}
