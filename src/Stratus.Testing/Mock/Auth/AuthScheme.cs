namespace Stratus.Testing.Mock.Auth;

/// <summary>How a request was signed (or that it was not).</summary>
public enum AuthScheme
{
    /// <summary>Not signed: anonymous.</summary>
    None,

    /// <summary>SigV4 in the <c>Authorization</c> header.</summary>
    SigV4,

    /// <summary>SigV4 in the query string (a presigned URL).</summary>
    SigV4Query,

    /// <summary>SigV4a in the <c>Authorization</c> header.</summary>
    SigV4a,

    /// <summary>SigV4a in the query string.</summary>
    SigV4aQuery,

    /// <summary>S3's SigV2 in the <c>Authorization</c> header (<c>AWS key:signature</c>).</summary>
    S3SigV2,

    /// <summary>S3's SigV2 in the query string (<c>AWSAccessKeyId</c>, <c>Expires</c>, <c>Signature</c>).</summary>
    S3SigV2Query,

    /// <summary>SigV2 of the query services (<c>SignatureVersion=2</c> in the query or form body).</summary>
    SigV2,
}
