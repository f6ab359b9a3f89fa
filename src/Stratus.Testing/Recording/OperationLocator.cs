using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Recording;

/// <summary>Finds the operation a request calls, with the service's server protocol (null when none is registered or none matches).</summary>
internal static class OperationLocator
{
    public static OperationModel? Find(ServiceModel? model, ServerRequest request)
    {
        if (model is null)
        {
            return null;
        }
        try
        {
            var server = model.Name == "s3" ? S3Addressing.ToPathStyle(request) : request;
            return MockCloud.ChooseProtocol(model, server).FindOperation(model, server);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
