using System.Text;

namespace Stratus.Azure.Signing;

/// <summary>
/// A service SAS for one blob (<c>sr=b</c>) or a whole container (<c>sr=c</c>), signed with the account key:
/// its holder may do what <see cref="Permissions"/> allow until <see cref="ExpiresOn"/>, with no other credential.
/// The string to sign is that of version 2020-12-06 and later.
/// </summary>
public sealed class BlobSasBuilder
{
    /// <summary>The container.</summary>
    public required string Container { get; init; }

    /// <summary>The blob; null for a container SAS.</summary>
    public string? Blob { get; init; }

    /// <summary>
    /// What the token allows, as letters: <c>r</c>ead, <c>a</c>dd, <c>c</c>reate, <c>w</c>rite, <c>d</c>elete,
    /// <c>l</c>ist (container), ... (put in the order the service expects).
    /// </summary>
    public required string Permissions { get; init; }

    /// <summary>When the token stops working.</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>When the token starts working; default: at once.</summary>
    public DateTimeOffset? StartsOn { get; init; }

    /// <summary><c>https</c> or <c>https,http</c>; default: either.</summary>
    public string? Protocol { get; init; }

    /// <summary>An IP address or range (<c>168.1.5.60-168.1.5.70</c>) the token is limited to.</summary>
    public string? IPRange { get; init; }

    /// <summary>A stored access policy's id on the container.</summary>
    public string? Identifier { get; init; }

    /// <summary>The Content-Type the service returns when the token reads (<c>rsct</c>).</summary>
    public string? ContentType { get; init; }

    /// <summary>The Content-Disposition the service returns when the token reads (<c>rscd</c>).</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>The signed version (<c>sv</c>). Default: <see cref="AzureCloud.BlobApiVersion"/>.</summary>
    public string Version { get; init; } = AzureCloud.BlobApiVersion;

    /// <summary>The string to sign (2020-12-06 and later): permissions, start, expiry, <c>/blob/ACCOUNT/CONTAINER[/BLOB]</c>, identifier, IP, protocol, version, resource, snapshot time, encryption scope, rscc, rscd, rsce, rscl, rsct.</summary>
    public string StringToSign(string accountName)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(Container);
        var resource = $"/blob/{accountName}/{Container}" + (Blob is null ? "" : "/" + Blob);
        return string.Join('\n',
            SasPermissions.Normalize(Permissions, SasPermissions.BlobOrder, "permissions"),
            StartsOn is { } start ? SasPermissions.Time(start) : "",
            SasPermissions.Time(ExpiresOn),
            resource,
            Identifier ?? "",
            IPRange ?? "",
            Protocol ?? "",
            Version,
            Blob is null ? "c" : "b",
            "", // snapshot time
            "", // encryption scope
            "", // rscc
            ContentDisposition ?? "",
            "", // rsce
            "", // rscl
            ContentType ?? "");
    }

    /// <summary>The token: the query string (without <c>?</c>) to append to the blob's or container's URL.</summary>
    /// <param name="accountName">The account.</param>
    /// <param name="accountKey">The account key (base64).</param>
    public string ToSasToken(string accountName, string accountKey)
    {
        var signature = SharedKeySigner.Signature(StringToSign(accountName), accountKey);
        var query = new StringBuilder(160);
        Add(query, "sv", Version);
        Add(query, "spr", Protocol);
        Add(query, "st", StartsOn is { } start ? SasPermissions.Time(start) : null);
        Add(query, "se", SasPermissions.Time(ExpiresOn));
        Add(query, "sr", Blob is null ? "c" : "b");
        Add(query, "sp", SasPermissions.Normalize(Permissions, SasPermissions.BlobOrder, "permissions"));
        Add(query, "sip", IPRange);
        Add(query, "si", Identifier);
        Add(query, "rscd", ContentDisposition);
        Add(query, "rsct", ContentType);
        Add(query, "sig", signature);
        return query.ToString();
    }

    /// <summary>The token from the account's key.</summary>
    /// <exception cref="InvalidOperationException">The account has no key.</exception>
    public string ToSasToken(AzureStorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ToSasToken(account.Name, account.Key);
    }

    internal static void Add(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (query.Length > 0)
        {
            query.Append('&');
        }
        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>Shows what the token allows (no signature).</summary>
    public override string ToString() => $"BlobSasBuilder {{ Container = {Container}, Blob = {Blob}, Permissions = {Permissions}, ExpiresOn = {ExpiresOn:O} }}";
}
