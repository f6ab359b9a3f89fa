using System.Security.Cryptography;
using System.Text.Json;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>Adds the body checksum an operation requires (<c>httpChecksumRequired</c>, or a required flexible checksum) when the caller sent none.</summary>
internal static class RequestChecksums
{
    public static void AddRequired(OperationModel operation, SerializedRequest request)
    {
        var required = operation.HttpChecksumRequired
            || (operation.HttpChecksum is { } c && c.TryGetProperty("requestChecksumRequired", out var r) && r.ValueKind == JsonValueKind.True);
        if (!required || request.BodyStream is not null || request.Headers.ContainsKey("Content-MD5")
            || request.Headers.Keys.Any(k => k.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        Span<byte> md5 = stackalloc byte[16];
        MD5.HashData(request.Body.Span, md5);
        request.Headers["Content-MD5"] = Convert.ToBase64String(md5);
    }
}
