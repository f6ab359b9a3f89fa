using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Mock.Ec2;

public sealed class KeyPairTests
{
    private readonly Ec2Fixture _ec2 = new();

    [Fact]
    public async Task CreateKeyPair_ReturnsAnRsaPrivateKeyWithAwsFingerprint()
    {
        var created = await _ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "deploy" });

        var pem = (string)created["KeyMaterial"]!;
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", pem, StringComparison.Ordinal);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        Assert.Equal(2048, rsa.KeySize);
        // AWS: the SHA-1 of the DER-encoded PKCS#8 private key, as `openssl pkcs8 -topk8 -outform DER | openssl sha1 -c`.
        var expected = string.Join(':', SHA1.HashData(rsa.ExportPkcs8PrivateKey()).Select(b => b.ToString("x2")));
        Assert.Equal(expected, (string)created["KeyFingerprint"]!);
        Assert.Matches("^key-0[0-9a-f]{16}$", (string)created["KeyPairId"]!);
        Assert.Equal("deploy", (string)created["KeyName"]!);

        var described = (await _ec2.CallAsync("DescribeKeyPairs", new JsonObject { ["KeyNames"] = new JsonArray("deploy"), ["IncludePublicKey"] = true }))["KeyPairs"]!.AsArray().Single()!;
        Assert.Equal(expected, (string)described["KeyFingerprint"]!);
        Assert.Equal("rsa", (string)described["KeyType"]!);
        Assert.Equal((string)created["KeyPairId"]!, (string)described["KeyPairId"]!);
        Assert.True(NativeValues.TryGetTimestamp(described["CreateTime"], out var createTime));
        Assert.Equal(_ec2.Clock.Now, createTime);
        var publicKey = ((string)described["PublicKey"]!).Split(' ');
        Assert.Equal(["ssh-rsa", OpenSshBlob(rsa.ExportParameters(false)), "deploy"], publicKey);
    }

    [Fact]
    public async Task CreateKeyPair_PpkFormat_IsAPuttyKeyWithAValidMac()
    {
        var created = await _ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "putty", ["KeyFormat"] = "ppk" });

        var lines = ((string)created["KeyMaterial"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("PuTTY-User-Key-File-3: ssh-rsa", lines[0]);
        Assert.Equal("Encryption: none", lines[1]);
        Assert.Equal("Comment: putty", lines[2]);
        var publicCount = int.Parse(lines[3]["Public-Lines: ".Length..]);
        var publicBlob = Convert.FromBase64String(string.Concat(lines.Skip(4).Take(publicCount)));
        var privateCount = int.Parse(lines[4 + publicCount]["Private-Lines: ".Length..]);
        var privateBlob = Convert.FromBase64String(string.Concat(lines.Skip(5 + publicCount).Take(privateCount)));
        var mac = new List<byte>();
        foreach (var field in new[] { "ssh-rsa"u8.ToArray(), "none"u8.ToArray(), "putty"u8.ToArray(), publicBlob, privateBlob })
        {
            mac.AddRange(Length(field.Length));
            mac.AddRange(field);
        }
        Assert.Equal("Private-MAC: " + Convert.ToHexStringLower(HMACSHA256.HashData(Array.Empty<byte>(), mac.ToArray())), lines[5 + publicCount + privateCount]);
    }

    [Fact]
    public async Task ImportKeyPair_Rsa_FingerprintIsTheMd5OfTheDerPublicKey()
    {
        using var rsa = RSA.Create(2048);
        var line = $"ssh-rsa {OpenSshBlob(rsa.ExportParameters(false))} me@laptop";

        var imported = await _ec2.CallAsync("ImportKeyPair", new JsonObject { ["KeyName"] = "laptop", ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes(line)) });

        // AWS: `openssl rsa -pubout -outform DER | openssl md5 -c` (the SubjectPublicKeyInfo's MD5).
        var expected = string.Join(':', MD5.HashData(rsa.ExportSubjectPublicKeyInfo()).Select(b => b.ToString("x2")));
        Assert.Equal(expected, (string)imported["KeyFingerprint"]!);
        Assert.Matches("^key-0[0-9a-f]{16}$", (string)imported["KeyPairId"]!);
        var described = (await _ec2.CallAsync("DescribeKeyPairs", new JsonObject { ["KeyPairIds"] = new JsonArray((string)imported["KeyPairId"]!) }))["KeyPairs"]!.AsArray().Single()!;
        Assert.Equal(expected, (string)described["KeyFingerprint"]!);
        Assert.Null(described["PublicKey"]);
    }

    /// <summary>
    /// Keys made by ssh-keygen, their fingerprints computed with OpenSSH and OpenSSL as AWS's documentation says
    /// (RSA: <c>ssh-keygen -e -m PKCS8 -f key.pub | openssl pkey -pubin -outform DER | openssl md5 -c</c>, which is not
    /// <c>ssh-keygen -l -E md5</c>'s f6:38:6f:...; ED25519: <c>ssh-keygen -l -E sha256</c>, base64 with its padding).
    /// </summary>
    [Theory]
    [InlineData(
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDdyK+pYtbV0ezlTYagOvBrbzxZL0pY9sbOsEGh8ic/CVyPIwVHJfq4AlDhJDEQb3kDl3xeOZNBOn/xuqqQsphRg7wjSGIut8EN6XkASLKfkmf5t2ttnmwflg69E/JBG753ZEYyylYV2/daAbqIf5HJMMOlwRoazKgLnH89j7yu/2tQgAyJMQf9DBm1AlMqSaQbNeghJ45QLEG7hhyINel6bEM8ekn4+bMlmP52+5NWDVTpz06KfWx8yTvtQqrYFtS9swNtrBBwettOwF2jRbKfPsq00tl29W62xvQl0m0MRVFN96z8GJ8+/V7Hux7wCipJjgWG8ecuEnU7dJvKOZId x",
        "d0:32:8c:0b:eb:d6:28:a3:b1:4f:80:63:34:17:d8:08")]
    [InlineData(
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIERrCWj8FSekc8b2bWGNLprzFEUyR0ZdvOwmaNT+zXzC x",
        "dVMKuCWLp4vThHN3pXL8kYZk6zklYAWakpjoDgTa7bU=")]
    public async Task ImportKeyPair_FingerprintsMatchOpenSshAndOpenSsl(string publicKey, string fingerprint)
    {
        var imported = await _ec2.CallAsync("ImportKeyPair", new JsonObject { ["KeyName"] = "k", ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes(publicKey + "\n")) });

        Assert.Equal(fingerprint, (string)imported["KeyFingerprint"]!);
    }

    [Fact]
    public async Task ImportKeyPair_Ed25519_FingerprintIsTheBase64Sha256OfTheBlob()
    {
        var blob = new List<byte>();
        Field(blob, "ssh-ed25519"u8.ToArray());
        Field(blob, RandomNumberGenerator.GetBytes(32));
        var line = "ssh-ed25519 " + Convert.ToBase64String(blob.ToArray());

        var imported = await _ec2.CallAsync("ImportKeyPair", new JsonObject { ["KeyName"] = "ed", ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes(line)) });

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(blob.ToArray())), (string)imported["KeyFingerprint"]!);
        var described = (await _ec2.CallAsync("DescribeKeyPairs", new JsonObject { ["IncludePublicKey"] = true }))["KeyPairs"]!.AsArray().Single()!;
        Assert.Equal("ed25519", (string)described["KeyType"]!);
        Assert.Equal(line + " ed", (string)described["PublicKey"]!);
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("ssh-rsa !!!notbase64")]
    [InlineData("ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB")]
    [InlineData("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=")]
    public async Task ImportKeyPair_RejectsWhatIsNotAnRsaOrEd25519PublicKey(string material)
    {
        var error = await _ec2.FailsAsync("ImportKeyPair", new JsonObject { ["KeyName"] = "bad", ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes(material)) });

        Assert.Equal("InvalidKeyPair.Format", error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task CreateKeyPair_Ed25519_ReturnsAnOpenSshPrivateKey()
    {
        var created = await _ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "ed", ["KeyType"] = "ed25519" });

        var pem = (string)created["KeyMaterial"]!;
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        var described = (await _ec2.CallAsync("DescribeKeyPairs", new JsonObject { ["IncludePublicKey"] = true }))["KeyPairs"]!.AsArray().Single()!;
        Assert.Equal("ed25519", (string)described["KeyType"]!);
        var publicKey = ((string)described["PublicKey"]!).Split(' ');
        Assert.Equal("ssh-ed25519", publicKey[0]);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(publicKey[1]))), (string)created["KeyFingerprint"]!);

        // The private key file holds the same public key, and (when ssh-keygen is here) OpenSSH derives it from the secret.
        var file = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        Assert.Equal("openssh-key-v1\0"u8.ToArray(), file[..15]);
        Assert.True(file.AsSpan().IndexOf(Convert.FromBase64String(publicKey[1])) > 0);
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var path = Path.Combine(Path.GetTempPath(), $"stratus-ed25519-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(path, pem);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            string derived;
            try
            {
                using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ssh-keygen", ["-y", "-f", path]) { RedirectStandardOutput = true })!;
                derived = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return; // no ssh-keygen here
            }
            Assert.Equal($"ssh-ed25519 {publicKey[1]} ed", derived.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>RFC 8032 section 7.1, tests 1 to 3: private seed, public key.</summary>
    [Theory]
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]
    [InlineData("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")]
    [InlineData("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")]
    public void Ed25519_PublicKeysMatchRfc8032(string seed, string publicKey) =>
        Assert.Equal(publicKey, Convert.ToHexStringLower(Stratus.Testing.Services.Ec2.Ed25519.PublicKey(Convert.FromHexString(seed))));

    [Fact]
    public async Task DuplicateNames_AreRefused()
    {
        await ImportAsync("taken");

        var create = await _ec2.FailsAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "taken" });
        var import = await _ec2.FailsAsync("ImportKeyPair", new JsonObject { ["KeyName"] = "taken", ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes(NewPublicKey())) });

        Assert.Equal(("InvalidKeyPair.Duplicate", "The keypair 'taken' already exists.", 400), (create.Code, create.Message, create.StatusCode));
        Assert.Equal("InvalidKeyPair.Duplicate", import.Code);
    }

    [Fact]
    public async Task DescribeKeyPairs_NamedKeyMissing_IsNotFound()
    {
        await ImportAsync("present");

        var byName = await _ec2.FailsAsync("DescribeKeyPairs", new JsonObject { ["KeyNames"] = new JsonArray("present", "absent") });
        var byId = await _ec2.FailsAsync("DescribeKeyPairs", new JsonObject { ["KeyPairIds"] = new JsonArray("key-0123456789abcdef0") });

        Assert.Equal(("InvalidKeyPair.NotFound", "The key pair 'absent' does not exist"), (byName.Code, byName.Message));
        Assert.Equal("InvalidKeyPair.NotFound", byId.Code);
    }

    [Fact]
    public async Task DescribeKeyPairs_Filters()
    {
        var web = await ImportAsync("web-1", new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = "web" }));
        await ImportAsync("web-2", new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "blue" }));
        await ImportAsync("db-1");

        Assert.Equal(["web-1", "web-2"], await NamesAsync(Ec2Fixture.Filter("key-name", "web-*")));
        Assert.Equal(["web-1"], await NamesAsync(Ec2Fixture.Filter("key-pair-id", (string)web["KeyPairId"]!)));
        Assert.Equal(["web-1"], await NamesAsync(Ec2Fixture.Filter("fingerprint", (string)web["KeyFingerprint"]!)));
        Assert.Equal(["web-1"], await NamesAsync(Ec2Fixture.Filter("tag:Name", "web")));
        Assert.Equal(["web-2"], await NamesAsync(Ec2Fixture.Filter("tag-key", "team")));
        Assert.Empty(await NamesAsync(Ec2Fixture.Filter("tag:Name", "db")));
        var error = await _ec2.FailsAsync("DescribeKeyPairs", new JsonObject { ["Filters"] = Ec2Fixture.Filter("colour", "red") });
        Assert.Equal(("InvalidParameterValue", "The filter 'colour' is invalid"), (error.Code, error.Message));
    }

    [Fact]
    public async Task DeleteKeyPair_IsIdempotent()
    {
        var key = await ImportAsync("gone");

        var deleted = await _ec2.CallAsync("DeleteKeyPair", new JsonObject { ["KeyName"] = "gone" });
        var again = await _ec2.CallAsync("DeleteKeyPair", new JsonObject { ["KeyName"] = "gone" });

        Assert.True((bool)deleted["Return"]!);
        Assert.Equal((string)key["KeyPairId"]!, (string)deleted["KeyPairId"]!);
        Assert.True((bool)again["Return"]!);
        Assert.Empty(await NamesAsync(null));
    }

    [Fact]
    public async Task DryRun_AnswersDryRunOperationAndChangesNothing()
    {
        var error = await _ec2.FailsAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "dry", ["DryRun"] = true });

        Assert.Equal(("DryRunOperation", 412), (error.Code, error.StatusCode));
        Assert.Empty(await NamesAsync(null));
    }

    private async Task<JsonObject> ImportAsync(string name, JsonArray? tags = null)
    {
        var input = new JsonObject { ["KeyName"] = name, ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes(NewPublicKey())) };
        if (tags is not null)
        {
            input["TagSpecifications"] = new JsonArray(new JsonObject { ["ResourceType"] = "key-pair", ["Tags"] = tags });
        }
        return await _ec2.CallAsync("ImportKeyPair", input);
    }

    private async Task<List<string>> NamesAsync(JsonArray? filters)
    {
        var output = await _ec2.CallAsync("DescribeKeyPairs", filters is null ? null : new JsonObject { ["Filters"] = filters });
        return output["KeyPairs"]!.AsArray().Select(k => (string)k!["KeyName"]!).Order(StringComparer.Ordinal).ToList();
    }

    private static string NewPublicKey()
    {
        using var rsa = RSA.Create(1024);
        return "ssh-rsa " + OpenSshBlob(rsa.ExportParameters(false));
    }

    /// <summary>The OpenSSH public key blob (RFC 4253 section 6.6), written here independently of the service.</summary>
    private static string OpenSshBlob(RSAParameters key)
    {
        var blob = new List<byte>();
        Field(blob, "ssh-rsa"u8.ToArray());
        Field(blob, Mpint(key.Exponent!));
        Field(blob, Mpint(key.Modulus!));
        return Convert.ToBase64String(blob.ToArray());
    }

    private static byte[] Mpint(byte[] unsigned)
    {
        var trimmed = unsigned.SkipWhile(b => b == 0).ToArray();
        return trimmed[0] >= 0x80 ? [0, .. trimmed] : trimmed;
    }

    private static void Field(List<byte> blob, byte[] value)
    {
        blob.AddRange(Length(value.Length));
        blob.AddRange(value);
    }

    private static byte[] Length(int length)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        return bytes;
    }
}
