using System.Text;

namespace Stratus.Azure.Signing;

/// <summary>
/// An account SAS, signed with the account key: access to one or more services (<c>b</c>lob, <c>f</c>ile,
/// <c>q</c>ueue, <c>t</c>able) and resource types (<c>s</c>ervice, <c>c</c>ontainer, <c>o</c>bject) of the whole
/// account. The string to sign is that of version 2020-12-06 and later.
/// </summary>
public sealed class AccountSasBuilder
{
    /// <summary>The services, as letters (<c>b</c> for blobs). Default: <c>b</c>.</summary>
    public string Services { get; init; } = "b";

    /// <summary>The resource types, as letters: <c>s</c>ervice, <c>c</c>ontainer, <c>o</c>bject. Default: all.</summary>
    public string ResourceTypes { get; init; } = "sco";

    /// <summary>What the token allows: <c>r</c>ead, <c>w</c>rite, <c>d</c>elete, <c>l</c>ist, <c>a</c>dd, <c>c</c>reate, <c>u</c>pdate, <c>p</c>rocess, ...</summary>
    public required string Permissions { get; init; }

    /// <summary>When the token stops working.</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>When the token starts working; default: at once.</summary>
    public DateTimeOffset? StartsOn { get; init; }

    /// <summary><c>https</c> or <c>https,http</c>; default: either.</summary>
    public string? Protocol { get; init; }

    /// <summary>An IP address or range the token is limited to.</summary>
    public string? IPRange { get; init; }

    /// <summary>The signed version (<c>sv</c>). Default: <see cref="AzureCloud.BlobApiVersion"/>.</summary>
    public string Version { get; init; } = AzureCloud.BlobApiVersion;

    /// <summary>The string to sign: account, permissions, services, resource types, start, expiry, IP, protocol, version, encryption scope, and a final newline.</summary>
    public string StringToSign(string accountName)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        return string.Join('\n',
            accountName,
            SasPermissions.Normalize(Permissions, SasPermissions.AccountOrder, "permissions"),
            SasPermissions.Normalize(Services, SasPermissions.ServiceOrder, "services"),
            SasPermissions.Normalize(ResourceTypes, SasPermissions.ResourceTypeOrder, "resource types"),
            StartsOn is { } start ? SasPermissions.Time(start) : "",
            SasPermissions.Time(ExpiresOn),
            IPRange ?? "",
            Protocol ?? "",
            Version,
            "", // encryption scope
            "");
    }

    /// <summary>The token: the query string (without <c>?</c>) to append to any URL of the account.</summary>
    public string ToSasToken(string accountName, string accountKey)
    {
        var signature = SharedKeySigner.Signature(StringToSign(accountName), accountKey);
        var query = new StringBuilder(160);
        BlobSasBuilder.Add(query, "sv", Version);
        BlobSasBuilder.Add(query, "ss", SasPermissions.Normalize(Services, SasPermissions.ServiceOrder, "services"));
        BlobSasBuilder.Add(query, "srt", SasPermissions.Normalize(ResourceTypes, SasPermissions.ResourceTypeOrder, "resource types"));
        BlobSasBuilder.Add(query, "sp", SasPermissions.Normalize(Permissions, SasPermissions.AccountOrder, "permissions"));
        BlobSasBuilder.Add(query, "st", StartsOn is { } start ? SasPermissions.Time(start) : null);
        BlobSasBuilder.Add(query, "se", SasPermissions.Time(ExpiresOn));
        BlobSasBuilder.Add(query, "sip", IPRange);
        BlobSasBuilder.Add(query, "spr", Protocol);
        BlobSasBuilder.Add(query, "sig", signature);
        return query.ToString();
    }

    /// <summary>The token from the account's key.</summary>
    /// <exception cref="InvalidOperationException">The account has no key.</exception>
    public string ToSasToken(AzureStorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ToSasToken(account.Name, account.Key);
    }

    /// <summary>Shows what the token allows (no signature).</summary>
    public override string ToString() => $"AccountSasBuilder {{ Services = {Services}, ResourceTypes = {ResourceTypes}, Permissions = {Permissions}, ExpiresOn = {ExpiresOn:O} }}";
}
