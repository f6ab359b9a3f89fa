using System.Text;
using System.Text.RegularExpressions;

namespace Stratus.Cli.Input;

/// <summary>
/// Values that name a file, as in the AWS CLI: <c>file://path</c> is replaced by the file's text (UTF-8) and
/// <c>fileb://path</c> by its raw bytes. <c>~</c> and <c>$VAR</c> in the path are expanded. Other values are
/// taken as they are (remote URLs are not fetched, as in the AWS CLI v2).
/// </summary>
internal static partial class ParamFile
{
    private const string TextPrefix = "file://";
    private const string BinaryPrefix = "fileb://";

    /// <summary>Resolves a value that may name a file.</summary>
    /// <exception cref="ParamException">The file cannot be read, or its text is not UTF-8.</exception>
    public static ParamValue Resolve(string value, string cliName)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith(BinaryPrefix, StringComparison.Ordinal))
        {
            var path = ExpandPath(value[BinaryPrefix.Length..]);
            try
            {
                return new ParamValue("", File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ParamException(cliName, $"Unable to load paramfile {value}: {e.Message}", e);
            }
        }
        if (value.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            var path = ExpandPath(value[TextPrefix.Length..]);
            try
            {
                return ParamValue.FromText(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path)));
            }
            catch (DecoderFallbackException e)
            {
                throw new ParamException(cliName,
                    $"Unable to load paramfile ({path}), text contents could not be decoded. If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new ParamException(cliName, $"Unable to load paramfile {value}: {e.Message}", e);
            }
        }
        return ParamValue.FromText(value);
    }

    /// <summary>Expands a leading <c>~</c> and <c>$VAR</c> / <c>${VAR}</c> (unknown variables are left as they are).</summary>
    public static string ExpandPath(string path)
    {
        path = Variable().Replace(path, m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) ?? m.Value);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }
        return path;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
