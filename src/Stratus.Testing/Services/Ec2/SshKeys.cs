using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// Key material as EC2 makes and reads it: RSA key pairs (PEM or PuTTY .ppk private keys), ED25519 key pairs
/// (OpenSSH private keys), public keys in
/// OpenSSH, RFC 4716 or PEM/DER form, and AWS's fingerprints: for a created RSA key the SHA-1 of the
/// DER (PKCS#8) private key, for an imported RSA key the MD5 of the DER (SubjectPublicKeyInfo) public key
/// (what AWS's own verification recipe, <c>openssl rsa -pubout -outform DER | openssl md5 -c</c>, computes),
/// for ED25519 keys the base64 SHA-256 of the OpenSSH public key blob.
/// </summary>
internal static class SshKeys
{
    private const string RsaType = "ssh-rsa";
    private const string Ed25519Type = "ssh-ed25519";

    /// <summary>Makes an RSA 2048 key pair: the private key (PEM, PKCS#1 as EC2 returns it, or .ppk), its fingerprint, and the OpenSSH public key.</summary>
    public static (string PrivateKey, string Fingerprint, string PublicKey) CreateRsa(string keyName, bool ppk)
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        var blob = RsaBlob(parameters);
        var privateKey = ppk ? PuttyPrivateKey(parameters, blob, keyName) : rsa.ExportRSAPrivateKeyPem();
        return (privateKey, ColonHex(SHA1.HashData(rsa.ExportPkcs8PrivateKey())), OpenSshLine(RsaType, blob, keyName));
    }

    /// <summary>
    /// Makes an ED25519 key pair: the private key in OpenSSH's format (<c>openssh-key-v1</c>, unencrypted, as EC2
    /// returns it), its fingerprint (base64 SHA-256 of the public key blob), and the OpenSSH public key.
    /// </summary>
    public static (string PrivateKey, string Fingerprint, string PublicKey) CreateEd25519(string keyName)
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var publicKey = Ed25519.PublicKey(seed);
        var blob = new WireWriter();
        blob.WriteString(Encoding.ASCII.GetBytes(Ed25519Type));
        blob.WriteString(publicKey);
        var publicBlob = blob.ToArray();

        var secret = new WireWriter();
        var check = RandomNumberGenerator.GetBytes(4);
        secret.WriteRaw(check);
        secret.WriteRaw(check);
        secret.WriteString(Encoding.ASCII.GetBytes(Ed25519Type));
        secret.WriteString(publicKey);
        secret.WriteString([.. seed, .. publicKey]);
        secret.WriteString(Encoding.UTF8.GetBytes(keyName));
        for (byte pad = 1; secret.Length % 8 != 0; pad++)
        {
            secret.WriteRaw([pad]);
        }

        var file = new WireWriter();
        file.WriteRaw("openssh-key-v1\0"u8);
        file.WriteString("none"u8);
        file.WriteString("none"u8);
        file.WriteString([]);
        file.WriteRaw([0, 0, 0, 1]);
        file.WriteString(publicBlob);
        file.WriteString(secret.ToArray());
        var base64 = Convert.ToBase64String(file.ToArray());
        var pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (var i = 0; i < base64.Length; i += 70)
        {
            pem.Append(base64.AsSpan(i, Math.Min(70, base64.Length - i))).Append('\n');
        }
        pem.Append("-----END OPENSSH PRIVATE KEY-----\n");
        return (pem.ToString(), Convert.ToBase64String(SHA256.HashData(publicBlob)), OpenSshLine(Ed25519Type, publicBlob, keyName));
    }

    /// <summary>Reads an imported public key: its type (<c>rsa</c> or <c>ed25519</c>), fingerprint and OpenSSH form.</summary>
    /// <exception cref="Mock.MockServiceException">InvalidKeyPair.Format: not a supported public key.</exception>
    public static (string KeyType, string Fingerprint, string PublicKey) Import(byte[] material, string keyName)
    {
        var text = Encoding.UTF8.GetString(material).Trim();
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return ImportRsa(FromPem(text), keyName);
        }
        var blob = text.StartsWith("---- BEGIN SSH2 PUBLIC KEY ----", StringComparison.Ordinal) ? FromRfc4716(text) : FromOpenSsh(text);
        if (blob is null)
        {
            // EC2 also takes a bare base64 DER public key.
            return Base64(text) is { } der ? ImportRsa(FromDer(der), keyName) : throw Ec2Errors.KeyPairFormat();
        }
        var reader = new WireReader(blob);
        var type = Encoding.ASCII.GetString(reader.ReadString());
        switch (type)
        {
            case RsaType:
                var e = reader.ReadString();
                var n = reader.ReadString();
                reader.EnsureEnd();
                return ImportRsa(new RSAParameters { Exponent = Unsigned(e), Modulus = Unsigned(n) }, keyName);
            case Ed25519Type:
                if (reader.ReadString().Length != 32)
                {
                    throw Ec2Errors.KeyPairFormat();
                }
                reader.EnsureEnd();
                return ("ed25519", Convert.ToBase64String(SHA256.HashData(blob)), OpenSshLine(Ed25519Type, blob, keyName));
            default:
                throw Ec2Errors.KeyPairFormat();
        }
    }

    /// <summary>Lowercase hex digits in colon-separated pairs (<c>1f:51:ae:...</c>).</summary>
    public static string ColonHex(byte[] digest) => string.Join(':', digest.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private static (string, string, string) ImportRsa(RSAParameters parameters, string keyName)
    {
        var bits = (parameters.Modulus?.Length ?? 0) * 8;
        if (parameters.Exponent is not { Length: > 0 } || bits < 1024 || bits > 16384)
        {
            throw Ec2Errors.KeyPairFormat();
        }
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            throw Ec2Errors.KeyPairFormat();
        }
        return ("rsa", ColonHex(MD5.HashData(rsa.ExportSubjectPublicKeyInfo())), OpenSshLine(RsaType, RsaBlob(parameters), keyName));
    }

    private static RSAParameters FromPem(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa.ExportParameters(includePrivateParameters: false);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw Ec2Errors.KeyPairFormat();
        }
    }

    private static RSAParameters FromDer(byte[] der)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            return rsa.ExportParameters(includePrivateParameters: false);
        }
        catch (CryptographicException)
        {
            throw Ec2Errors.KeyPairFormat();
        }
    }

    /// <summary>The blob of an OpenSSH public key line (<c>type base64 [comment]</c>), or null when the text is not one.</summary>
    private static byte[]? FromOpenSsh(string text)
    {
        var parts = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && (parts[0] is RsaType or Ed25519Type or "ssh-dss" || parts[0].StartsWith("ecdsa-", StringComparison.Ordinal))
            ? Base64(parts[1]) ?? throw Ec2Errors.KeyPairFormat()
            : null;
    }

    /// <summary>The blob of an RFC 4716 (SSH2) public key file: header lines (continued by a trailing backslash), then base64.</summary>
    private static byte[] FromRfc4716(string text)
    {
        var body = new StringBuilder();
        var continued = false;
        foreach (var raw in text.Split('\n').Skip(1))
        {
            var line = raw.Trim();
            if (line.StartsWith("---- END SSH2 PUBLIC KEY ----", StringComparison.Ordinal))
            {
                return Base64(body.ToString()) ?? throw Ec2Errors.KeyPairFormat();
            }
            if (continued || line.Contains(':', StringComparison.Ordinal))
            {
                continued = line.EndsWith('\\');
                continue;
            }
            body.Append(line);
        }
        throw Ec2Errors.KeyPairFormat();
    }

    private static byte[]? Base64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    private static byte[] RsaBlob(RSAParameters p)
    {
        var writer = new WireWriter();
        writer.WriteString(Encoding.ASCII.GetBytes(RsaType));
        writer.WriteMpint(p.Exponent!);
        writer.WriteMpint(p.Modulus!);
        return writer.ToArray();
    }

    private static string OpenSshLine(string type, byte[] blob, string comment) => $"{type} {Convert.ToBase64String(blob)} {comment}";

    /// <summary>A PuTTY private key file, format 3, unencrypted (its MAC is HMAC-SHA-256 with an empty key).</summary>
    private static string PuttyPrivateKey(RSAParameters p, byte[] publicBlob, string comment)
    {
        var secret = new WireWriter();
        secret.WriteMpint(p.D!);
        secret.WriteMpint(p.P!);
        secret.WriteMpint(p.Q!);
        secret.WriteMpint(p.InverseQ!);
        var privateBlob = secret.ToArray();
        var mac = new WireWriter();
        mac.WriteString(Encoding.ASCII.GetBytes(RsaType));
        mac.WriteString("none"u8.ToArray());
        mac.WriteString(Encoding.UTF8.GetBytes(comment));
        mac.WriteString(publicBlob);
        mac.WriteString(privateBlob);
        var publicLines = Lines(Convert.ToBase64String(publicBlob));
        var privateLines = Lines(Convert.ToBase64String(privateBlob));
        var text = new StringBuilder()
            .Append("PuTTY-User-Key-File-3: ").Append(RsaType).Append('\n')
            .Append("Encryption: none\n")
            .Append("Comment: ").Append(comment).Append('\n')
            .Append("Public-Lines: ").Append(publicLines.Count).Append('\n');
        publicLines.ForEach(l => text.Append(l).Append('\n'));
        text.Append("Private-Lines: ").Append(privateLines.Count).Append('\n');
        privateLines.ForEach(l => text.Append(l).Append('\n'));
        text.Append("Private-MAC: ").Append(Convert.ToHexStringLower(HMACSHA256.HashData(Array.Empty<byte>(), mac.ToArray()))).Append('\n');
        return text.ToString();
    }

    private static List<string> Lines(string base64) =>
        Enumerable.Range(0, (base64.Length + 63) / 64).Select(i => base64.Substring(i * 64, Math.Min(64, base64.Length - (i * 64)))).ToList();

    private static byte[] Unsigned(byte[] mpint)
    {
        var start = 0;
        while (start < mpint.Length - 1 && mpint[start] == 0)
        {
            start++;
        }
        return mpint[start..];
    }

    /// <summary>Writes the SSH wire encoding (RFC 4251): uint32-prefixed strings and mpints.</summary>
    private sealed class WireWriter
    {
        private readonly List<byte> _buffer = [];

        public void WriteString(ReadOnlySpan<byte> bytes)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
            _buffer.AddRange(length);
            _buffer.AddRange(bytes);
        }

        /// <summary>An unsigned big-endian integer as an mpint: no leading zeros, but one when the top bit is set.</summary>
        public void WriteMpint(byte[] unsigned)
        {
            var value = Unsigned(unsigned);
            WriteString(value[0] >= 0x80 ? [0, .. value] : value);
        }

        public int Length => _buffer.Count;

        public void WriteRaw(ReadOnlySpan<byte> bytes) => _buffer.AddRange(bytes);

        public byte[] ToArray() => _buffer.ToArray();
    }

    /// <summary>Reads the SSH wire encoding; malformed data is InvalidKeyPair.Format.</summary>
    private sealed class WireReader(byte[] data)
    {
        private int _offset;

        public byte[] ReadString()
        {
            if (data.Length - _offset < 4)
            {
                throw Ec2Errors.KeyPairFormat();
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(_offset));
            _offset += 4;
            if (length > (uint)(data.Length - _offset))
            {
                throw Ec2Errors.KeyPairFormat();
            }
            var result = data.AsSpan(_offset, (int)length).ToArray();
            _offset += (int)length;
            return result;
        }

        public void EnsureEnd()
        {
            if (_offset != data.Length)
            {
                throw Ec2Errors.KeyPairFormat();
            }
        }
    }
}
