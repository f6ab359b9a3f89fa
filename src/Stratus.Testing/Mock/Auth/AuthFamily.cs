namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// How a family of AWS services reports authentication failures: the error codes and HTTP statuses
/// differ between S3, the query protocol, EC2 and the JSON protocols. S3 also signs its path as sent.
/// </summary>
public enum AuthFamily
{
    /// <summary>S3 (rest-xml, signing name <c>s3</c>): InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed, all 403.</summary>
    S3,

    /// <summary>Query-protocol services and non-S3 rest-xml (STS, SQS query, IAM, Route 53): InvalidClientTokenId, SignatureDoesNotMatch, 403.</summary>
    Query,

    /// <summary>EC2: AuthFailure, 401.</summary>
    Ec2,

    /// <summary>JSON RPC services (DynamoDB, SQS JSON, Kinesis) and RPC v2 CBOR: UnrecognizedClientException, InvalidSignatureException, 400.</summary>
    Json,

    /// <summary>REST-JSON services (Lambda, API Gateway): UnrecognizedClientException, InvalidSignatureException, 403.</summary>
    RestJson,
}
