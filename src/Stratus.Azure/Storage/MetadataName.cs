namespace Stratus.Azure.Storage;

/// <summary>
/// Portable metadata names on Azure, which allows only C# identifiers (letters, digits, '_', not starting with a digit):
/// a '-' — common in S3 and Swift metadata names — is stored as "__" and read back as '-'; any other character
/// Azure cannot hold is refused before anything is sent. (A name with "__" of its own reads back with '-'.)
/// </summary>
internal static class MetadataName
{
    public static string Encode(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            throw new ArgumentException($"the metadata name '{name}' cannot be stored on Azure: use letters, digits, '_' and '-', not starting with a digit.", nameof(name));
        }
        return name.Replace("-", "__", StringComparison.Ordinal);
    }

    public static string Decode(string name) => name.Replace("__", "-", StringComparison.Ordinal);
}
