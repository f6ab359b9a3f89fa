namespace Stratus.ModelImport;

/// <summary>Builds LICENSE-botocore.txt: the package's Debian copyright file, then the Apache-2.0 text it points to.</summary>
internal static class Licence
{
    private const string ApacheText = "/usr/share/common-licenses/Apache-2.0";

    public static string Build(string copyrightFile)
    {
        var text = $"""
            The AWS service models in this package come from botocore (https://github.com/boto/botocore),
            as packaged by Debian (python3-botocore). They are licensed under the Apache License 2.0.

            ==== Debian copyright file (/usr/share/doc/python3-botocore/copyright) ====

            {File.ReadAllText(copyrightFile).TrimEnd()}

            """;
        if (File.Exists(ApacheText))
        {
            text += $"""

                ==== Apache License 2.0 ({ApacheText}) ====

                {File.ReadAllText(ApacheText).TrimEnd()}

                """;
        }
        return text.ReplaceLineEndings("\n");
    }
}
