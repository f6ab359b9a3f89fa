namespace Stratus.OpenStack.Auth;

/// <summary>How a client logs in to OpenStack.</summary>
public enum OpenStackAuthKind
{
    /// <summary>Keystone v3: <c>POST /v3/auth/tokens</c> with a password or an application credential; the storage URL comes from the service catalog.</summary>
    Keystone,

    /// <summary>Swift's TempAuth v1.0: <c>GET</c> the auth URL with <c>X-Auth-User</c> and <c>X-Auth-Key</c>.</summary>
    TempAuth,

    /// <summary>No login: a token and storage URL given (<see cref="OpenStackCredentials.Token"/>, <see cref="OpenStackCredentials.StorageUrl"/>).</summary>
    Token,
}
