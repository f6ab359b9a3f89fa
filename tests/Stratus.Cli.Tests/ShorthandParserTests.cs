using System.Text.Json.Nodes;
using Stratus.Cli.Input;

namespace Stratus.Cli.Tests;

/// <summary>The shorthand syntax, on the examples of the AWS CLI's documentation and its edge cases.</summary>
public sealed class ShorthandParserTests
{
    [Theory]
    [InlineData("Key=a,Value=b", """{"Key":"a","Value":"b"}""")]
    [InlineData("Name=string,Values=a,b", """{"Name":"string","Values":["a","b"]}""")]
    [InlineData("Values=a,b,Name=x", """{"Values":["a","b"],"Name":"x"}""")]
    [InlineData("a=b,c=d,e", """{"a":"b","c":["d","e"]}""")]
    [InlineData("foo=[a,b]", """{"foo":["a","b"]}""")]
    [InlineData("foo=[]", """{"foo":[]}""")]
    [InlineData("foo={a=b,c=d}", """{"foo":{"a":"b","c":"d"}}""")]
    [InlineData("foo=[{a=b},{a=c}]", """{"foo":[{"a":"b"},{"a":"c"}]}""")]
    [InlineData("ResourceType=instance,Tags=[{Key=Name,Value=web},{Key=env,Value=dev}]", """{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"web"},{"Key":"env","Value":"dev"}]}""")]
    [InlineData("a='b,c',d=\"e=f\"", """{"a":"b,c","d":"e=f"}""")]
    [InlineData("a=b\\,c", """{"a":"b,c"}""")]
    [InlineData("a=", """{"a":""}""")]
    [InlineData("a=,b=c", """{"a":"","b":"c"}""")]
    [InlineData("a = b , c = d", """{"a":"b","c":"d"}""")]
    [InlineData("k=a=b", """{"k":"a=b"}""")]
    [InlineData("path=/x/y:z,arn:aws:iam::1:role/r=v", """{"path":"/x/y:z","arn:aws:iam::1:role/r":"v"}""")]
    [InlineData("a='it\\'s'", """{"a":"it's"}""")]
    [InlineData("a=caf\u00e9 \u6771\u4eac", """{"a":"caf\u00e9 \u6771\u4eac"}""")]
    public void Parses(string input, string expected)
    {
        var parsed = ShorthandParser.Parse(input);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), parsed), parsed.ToJsonString());
    }

    [Theory]
    [InlineData("foo", "expected '='")]
    [InlineData("a=b,a=c", "second instance of key \"a\"")]
    [InlineData("a=[b,c", "expected")]
    [InlineData("a={b=c", "expected")]
    [InlineData("a='unterminated", "expected")]
    public void RejectsWithAReason(string input, string reason)
    {
        var error = Assert.Throws<ShorthandException>(() => ShorthandParser.Parse(input));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
