using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Ec2;

/// <summary>EC2's errors, with the codes and messages AWS answers with (all 400 but DryRunOperation, 412).</summary>
internal static class Ec2Errors
{
    public static MockServiceException DryRun() =>
        new("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);

    public static MockServiceException Missing(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}");

    public static MockServiceException InvalidValue(string message) => new("InvalidParameterValue", message);

    public static MockServiceException InvalidCombination(string message) => new("InvalidParameterCombination", message);

    public static MockServiceException InvalidFilter(string name) => InvalidValue($"The filter '{name}' is invalid");

    public static MockServiceException InvalidNextToken(string token) =>
        InvalidValue($"Value ( {token} ) for parameter NextToken is invalid. The token is invalid.");

    public static MockServiceException InvalidMaxResults(long value, int min, int max) =>
        InvalidValue($"Value ( {value} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}.");

    public static MockServiceException InvalidId(string id) => new("InvalidID", $"The ID '{id}' is not valid");

    public static MockServiceException Malformed(string code, string id, string prefix) =>
        new(code, $"Invalid id: \"{id}\" (expecting \"{prefix}-...\")");

    public static MockServiceException KeyPairDuplicate(string name) =>
        new("InvalidKeyPair.Duplicate", $"The keypair '{name}' already exists.");

    public static MockServiceException KeyPairNotFound(string name) =>
        new("InvalidKeyPair.NotFound", $"The key pair '{name}' does not exist");

    public static MockServiceException KeyPairIdNotFound(string id) =>
        new("InvalidKeyPair.NotFound", $"The key pair ID '{id}' does not exist");

    public static MockServiceException KeyPairFormat() =>
        new("InvalidKeyPair.Format", "Key is not in valid OpenSSH public key format");

    public static MockServiceException InstancesNotFound(IReadOnlyList<string> ids) => ids.Count == 1
        ? new("InvalidInstanceID.NotFound", $"The instance ID '{ids[0]}' does not exist")
        : new("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    public static MockServiceException InstanceMalformed(string id) =>
        new("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"");

    public static MockServiceException IncorrectInstanceState(string id, string action) =>
        new("IncorrectInstanceState", $"The instance '{id}' is not in a state from which it can be {action}.");

    public static MockServiceException OperationNotPermitted(string message) => new("OperationNotPermitted", message);

    public static MockServiceException InstanceLimit(long requested, int limit) =>
        new("InstanceLimitExceeded", $"You have requested more instances ({requested}) than your current instance limit of {limit} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");

    public static MockServiceException IdempotentMismatch() =>
        new("IdempotentParameterMismatch", "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");

    public static MockServiceException AddressInUse(string address) =>
        new("InvalidIPAddress.InUse", $"Address {address} is in use.");

    public static MockServiceException GroupDuplicate(string name, string vpcId) =>
        new("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");

    public static MockServiceException GroupNotFound(string idOrName) =>
        new("InvalidGroup.NotFound", $"The security group '{idOrName}' does not exist");

    public static MockServiceException GroupNameNotFound(string name, string vpcId) =>
        new("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{vpcId}'");

    public static MockServiceException GroupReserved(string name) =>
        new("InvalidGroup.Reserved", $"The security group '{name}' is reserved");

    public static MockServiceException CannotDeleteDefaultGroup(string id) =>
        new("CannotDelete", $"the specified group: \"{id}\" name: \"default\" cannot be deleted by a user");

    public static MockServiceException DependencyViolation(string id) =>
        new("DependencyViolation", $"resource {id} has a dependent object");

    public static MockServiceException PermissionDuplicate(string rule) =>
        new("InvalidPermission.Duplicate", $"the specified rule \"{rule}\" already exists");

    public static MockServiceException RuleNotFound(string id) =>
        new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{id}' does not exist");

    public static MockServiceException VpcNotFound(string id) =>
        new("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");

    public static MockServiceException SubnetNotFound(string id) =>
        new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");

    public static MockServiceException TagLimit() =>
        new("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");

    public static MockServiceException NotImplemented(string message) =>
        new("NotImplemented", message, 501, senderFault: false);
}
