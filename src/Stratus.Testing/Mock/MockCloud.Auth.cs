using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

public sealed partial class MockCloud
{
    /// <summary>Who is calling, for which region, and the request as the service should read it.</summary>
    private readonly record struct AuthResult(MockAccount Account, string? Region, ServerRequest Request, ServiceError? Error);

    private AuthResult Authenticate(ServerRequest request, ServiceModel model, string? scopeRegion)
    {
        var scope = ServiceRouter.Scope(request);
        if (scope is null)
        {
            return new AuthResult(Options.Accounts.Count > 0 ? Options.Accounts[0] : MockAccount.Default, scopeRegion, request, null);
        }
        var account = Accounts.Find(scope.Value.AccessKeyId, Options.Clock.GetUtcNow());
        if (account is null)
        {
            if (Options.VerifySignatures)
            {
                return new AuthResult(MockAccount.Default, scope.Value.Region, request, UnknownKey(model));
            }
            account = Options.Accounts.Count > 0 ? Options.Accounts[0] : MockAccount.Default;
        }
        return new AuthResult(account, scope.Value.Region, request, null);
    }

    private static ServiceError UnknownKey(ServiceModel model) => model.Metadata.Protocol switch
    {
        "rest-xml" => new ServiceError("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
        "ec2" => new ServiceError("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        "query" => new ServiceError("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
        _ => new ServiceError("UnrecognizedClientException", "The security token included in the request is invalid.", 400),
    };
}
