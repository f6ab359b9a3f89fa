using Stratus.Endpoints.Rules;

namespace Stratus.Tests.Endpoints;

public class StandardFunctionsTests
{
    [Theory]
    [InlineData("https://example.com", "https", "example.com", "", "/", false)]
    [InlineData("https://example.com/", "https", "example.com", "/", "/", false)]
    [InlineData("http://example.com:8080/foo/bar", "http", "example.com:8080", "/foo/bar", "/foo/bar/", false)]
    [InlineData("https://example.com/path/", "https", "example.com", "/path/", "/path/", false)]
    [InlineData("https://127.0.0.1:8443", "https", "127.0.0.1:8443", "", "/", true)]
    [InlineData("http://10.0.1.12", "http", "10.0.1.12", "", "/", true)]
    [InlineData("https://[fe80::1]", "https", "[fe80::1]", "", "/", true)]
    [InlineData("https://[::1]:8080/x", "https", "[::1]:8080", "/x", "/x/", true)]
    [InlineData("https://1.2.3.4.example.com", "https", "1.2.3.4.example.com", "", "/", false)]
    [InlineData("https://256.0.0.1", "https", "256.0.0.1", "", "/", false)]
    public void ParseUrl_splits_the_url(string url, string scheme, string authority, string path, string normalizedPath, bool isIp)
    {
        var parsed = StandardFunctions.ParseUrl(url);
        Assert.NotNull(parsed);
        Assert.Equal(scheme, parsed["scheme"]);
        Assert.Equal(authority, parsed["authority"]);
        Assert.Equal(path, parsed["path"]);
        Assert.Equal(normalizedPath, parsed["normalizedPath"]);
        Assert.Equal(isIp, parsed["isIp"]);
    }

    [Theory]
    [InlineData("https://example.com?foo=bar")]
    [InlineData("https://example.com/path?x")]
    [InlineData("ftp://example.com")]
    [InlineData("abcde://nota#url")]
    [InlineData("example.com")]
    [InlineData("https://")]
    [InlineData("https://example.com:port")]
    [InlineData("https://example.com:99999")]
    [InlineData(null)]
    public void ParseUrl_rejects_what_is_not_a_plain_http_url(string? url) =>
        Assert.Null(StandardFunctions.ParseUrl(url));

    [Theory]
    [InlineData("abcdefg", 0, 4, false, "abcd")]
    [InlineData("abcdefg", 0, 4, true, "defg")]
    [InlineData("abcdefg", 1, 3, false, "bc")]
    [InlineData("abcdefg", 1, 3, true, "ef")]
    [InlineData("abcdefg", 0, 7, false, "abcdefg")]
    [InlineData("abcdefg", 0, 8, false, null)]
    [InlineData("abcdefg", 4, 4, false, null)]
    [InlineData("abcdefg", 5, 2, false, null)]
    [InlineData("abcd\u00e9fg", 0, 4, false, null)]
    [InlineData("--abcd", 0, 2, false, "--")]
    public void Substring_follows_the_spec(string input, int start, int stop, bool reverse, string? expected) =>
        Assert.Equal(expected, StandardFunctions.Substring(input, start, stop, reverse));

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a b/c", "a%20b%2Fc")]
    [InlineData("-_.~", "-_.~")]
    [InlineData("*'()!", "%2A%27%28%29%21")]
    [InlineData("\u00e9", "%C3%A9")]
    [InlineData("a+b=c&d", "a%2Bb%3Dc%26d")]
    [InlineData("\U0001F600", "%F0%9F%98%80")]
    public void UriEncode_keeps_only_unreserved_characters(string input, string expected) =>
        Assert.Equal(expected, StandardFunctions.UriEncode(input));

    [Theory]
    [InlineData("foo", false, true)]
    [InlineData("foo-bar1", false, true)]
    [InlineData("1foo", false, true)]
    [InlineData("-foo", false, false)]
    [InlineData("foo-", false, false)]
    [InlineData("", false, false)]
    [InlineData("foo_bar", false, false)]
    [InlineData("foo.bar", false, false)]
    [InlineData("foo.bar", true, true)]
    [InlineData("foo..bar", true, false)]
    [InlineData("foo.-bar", true, false)]
    [InlineData("us-east-2!", false, false)]
    [InlineData("a b", false, false)]
    public void IsValidHostLabel_follows_rfc_1123(string input, bool allowSubDomains, bool expected) =>
        Assert.Equal(expected, StandardFunctions.IsValidHostLabel(input, allowSubDomains));

    [Fact]
    public void IsValidHostLabel_limits_labels_to_63_characters()
    {
        Assert.True(StandardFunctions.IsValidHostLabel(new string('a', 63), false));
        Assert.False(StandardFunctions.IsValidHostLabel(new string('a', 64), false));
        Assert.True(StandardFunctions.IsValidHostLabel(new string('a', 63) + "." + new string('b', 63), true));
    }

    [Fact]
    public void Split_caps_the_number_of_parts()
    {
        Assert.Equal(["a", "b", "c"], StandardFunctions.Split("a--b--c", "--", 0)!);
        Assert.Equal(["a", "b--c"], StandardFunctions.Split("a--b--c", "--", 2)!);
        Assert.Equal(["a--b--c"], StandardFunctions.Split("a--b--c", "--", 1)!);
        Assert.Equal(["", "a", ""], StandardFunctions.Split("-a-", "-", 0)!);
        Assert.Null(StandardFunctions.Split("abc", "", 0));
    }
}
