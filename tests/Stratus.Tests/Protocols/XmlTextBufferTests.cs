using System.Text;
using System.Xml;
using Stratus.Protocols.Xml;
using Xunit;

namespace Stratus.Tests.Protocols;

/// <summary>Reading an element's text into the per-thread buffer gives what reading it as a string gives.</summary>
public class XmlTextBufferTests
{
    public static TheoryData<string> Elements() =>
    [
        "<v>plain</v>",
        "<v></v>",
        "<v/>",
        "<v>  spaced \t out  </v>",
        "<v>a &amp; b &lt;c&gt; &#x1F600; &#233;</v>",
        "<v><![CDATA[x < y && z]]></v>",
        "<v>before<![CDATA[<cdata>]]>after</v>",
        "<v>one<skip>nested <deeper>text</deeper></skip>two</v>",
        "<v>line\r\nbreak\rand\nmore</v>",
        "<v>😀 surrogate pairs 😀</v>",
        "<v>" + new string('x', 1000) + "&amp;" + new string('y', 3000) + "</v>",
        "<v>" + string.Concat(Enumerable.Repeat("ab<![CDATA[cd]]>", 300)) + "</v>",
    ];

    [Theory]
    [MemberData(nameof(Elements))]
    public void Reads_the_same_text_as_ReadText(string xml)
    {
        var expected = ReadText(xml, XmlShapeReader.ReadText);
        var actual = ReadText(xml, r => new string(XmlTextBuffer.Read(r)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Short_values_are_shared_and_long_ones_are_not()
    {
        var a = XmlTextBuffer.ToText("running");
        var b = XmlTextBuffer.ToText(new StringBuilder("run").Append("ning").ToString());
        Assert.Equal("running", a);
        Assert.Same(a, b);
        var longText = new string('z', 40);
        Assert.Equal(longText, XmlTextBuffer.ToText(longText));
        Assert.NotSame(XmlTextBuffer.ToText(longText), XmlTextBuffer.ToText(longText));
        Assert.Same(string.Empty, XmlTextBuffer.ToText(""));
    }

    // Reads the root element's text with the given function and checks the reader ends just past the element.
    private static string ReadText(string xml, Func<XmlReader, string> read)
    {
        using var reader = XmlSafeReader.OpenRoot(Encoding.UTF8.GetBytes("<root>" + xml + "<after/></root>"))!;
        reader.Read();
        var text = read(reader);
        Assert.Equal("after", reader.LocalName);
        return text;
    }
}
