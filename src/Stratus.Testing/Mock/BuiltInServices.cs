using Stratus.Testing.Services.DynamoDb;
using Stratus.Testing.Services.Ec2;
using Stratus.Testing.Services.S3;
using Stratus.Testing.Services.Sqs;
using Stratus.Testing.Services.Sts;

namespace Stratus.Testing.Mock;

/// <summary>The services a mock cloud has out of the box. Each service folder adds its line here.</summary>
internal static class BuiltInServices
{
    public static void AddTo(MockCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        cloud.AddService(new DynamoDbService());
        cloud.AddService(new Ec2Service());
        cloud.AddService(new S3Service());
        cloud.AddService(new SqsService());
        cloud.AddService(new StsService());
    }
}
