namespace Stratus.Credentials;

/// <summary>
/// One parsed shared file. In the config file profiles are <c>[default]</c> and <c>[profile name]</c>, and
/// other sections (<c>[sso-session name]</c>, <c>[services name]</c>) are kept apart; in the credentials file
/// every section is a profile, by its plain name.
/// </summary>
public sealed class ProfileFile
{
    private ProfileFile(string? path, bool isConfigFile, Dictionary<string, ProfileSettings> profiles, Dictionary<string, ProfileSettings> sections)
    {
        Path = path;
        IsConfigFile = isConfigFile;
        Profiles = profiles;
        OtherSections = sections;
    }

    /// <summary>Where the file was read from, or null when parsed from text.</summary>
    public string? Path { get; }

    /// <summary>Whether this is a config file (<c>[profile name]</c> sections) rather than a credentials file.</summary>
    public bool IsConfigFile { get; }

    /// <summary>The profiles by name (case-sensitive, as in botocore).</summary>
    public IReadOnlyDictionary<string, ProfileSettings> Profiles { get; }

    /// <summary>The config file's sections that are not profiles, by their full header (for example <c>sso-session my-sso</c>).</summary>
    public IReadOnlyDictionary<string, ProfileSettings> OtherSections { get; }

    /// <summary>Parses a file's text.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="isConfigFile">True for a config file, false for a credentials file.</param>
    /// <param name="path">The path, for error messages and <see cref="Path"/>.</param>
    /// <exception cref="FormatException">The text is not a valid file; the message gives the line number, never the line.</exception>
    public static ProfileFile Parse(string text, bool isConfigFile, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profiles = new Dictionary<string, ProfileSettings>(StringComparer.Ordinal);
        var others = new Dictionary<string, ProfileSettings>(StringComparer.Ordinal);
        foreach (var section in IniParser.Parse(text, path ?? (isConfigFile ? "config file" : "credentials file")))
        {
            var name = isConfigFile ? ProfileName(section.Name) : section.Name;
            var target = name is null ? others : profiles;
            name ??= section.Name;
            var settings = new ProfileSettings(name, section.Values, section.SubSections);
            // [default] and [profile default] name the same profile; the later one's keys win.
            target[name] = target.TryGetValue(name, out var earlier) ? earlier.MergedWith(settings) : settings;
        }
        return new ProfileFile(path, isConfigFile, profiles, others);
    }

    /// <summary>Reads and parses a file; null when it does not exist.</summary>
    /// <exception cref="FormatException">The file is not valid.</exception>
    /// <exception cref="IOException">The file exists but could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ProfileFile? Load(string path, bool isConfigFile) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), isConfigFile, path) : null;

    internal static async ValueTask<ProfileFile?> LoadAsync(string path, bool isConfigFile, bool async, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var text = async ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : File.ReadAllText(path);
        return Parse(text, isConfigFile, path);
    }

    /// <summary>A section of <paramref name="kind"/> (<c>sso-session</c>, <c>services</c>) by name, or null.</summary>
    public ProfileSettings? Section(string kind, string name) => OtherSections.GetValueOrDefault($"{kind} {name}");

    /// <summary>Shows the path and profile names.</summary>
    public override string ToString() => $"ProfileFile {{ Path = {Path}, Profiles = [{string.Join(", ", Profiles.Keys)}] }}";

    // "default" and "profile x" (x possibly quoted) are profiles; "profilex" and "profile a b" are not, as in botocore.
    private static string? ProfileName(string header)
    {
        if (header == "default")
        {
            return header;
        }
        if (!header.StartsWith("profile", StringComparison.Ordinal) || header.Length < 8 || !char.IsWhiteSpace(header[7]))
        {
            return null;
        }
        var name = header[8..].Trim();
        if (name.Length >= 2 && name[0] is '"' or '\'' && name[^1] == name[0])
        {
            return name[1..^1];
        }
        return name.Length == 0 || name.Any(char.IsWhiteSpace) ? null : name;
    }
}
