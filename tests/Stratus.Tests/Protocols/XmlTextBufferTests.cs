using System.Text;
using System.Xml;
using Stratus.Protocols.Xml;
using Xunit;

namespace Stratus.Tests.Protocols;

/// <summary>Reading an element's text (into the per-thread buffer, or as a string): entities, CDATA, nested elements, line breaks.</summary>
public class XmlTextBufferTests
{
    public static TheoryData<string, string> Elements() => new()
    {
        { "<v>plain</v>", "plain" },
        { "<v></v>", "" },
        { "<v/>", "" },
        { "<v>  spaced \t out  </v>", "  spaced \t out  " },
        { "<v>a &amp; b &lt;c&gt; &#x1F600; &#233;</v>", "a & b <c> \U0001F600 \u00e9" },
        { "<v><![CDATA[x < y && z]]></v>", "x < y && z" },
        { "<v>before<![CDATA[<cdata>]]>after</v>", "before<cdata>after" },
        { "<v>one<skip>nested <deeper>text</deeper></skip>two</v>", "onetwo" },
        { "<v>line\r\nbreak\rand\nmore</v>", "line\nbreak\nand\nmore" },
        { "<v>😀 surrogate pairs 😀</v>", "😀 surrogate pairs 😀" },
        { "<v>" + new string('x', 1000) + "&amp;" + new string('y', 3000) + "</v>", new string('x', 1000) + "&" + new string('y', 3000) },
        { "<v>" + string.Concat(Enumerable.Repeat("ab<![CDATA[cd]]>", 300)) + "</v>", string.Concat(Enumerable.Repeat("abcd", 300)) },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void Reads_an_elements_text_into_the_buffer_and_as_a_string(string xml, string expected)
    {
        Assert.Equal(expected, ReadText(xml, r => new string(XmlTextBuffer.Read(r))));
        Assert.Equal(expected, ReadText(xml, XmlShapeReader.ReadText));
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
