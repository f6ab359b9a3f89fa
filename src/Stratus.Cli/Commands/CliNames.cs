using System.Text.RegularExpressions;

namespace Stratus.Cli.Commands;

/// <summary>
/// The AWS CLI's names: model names in kebab-case as botocore's <c>xform_name</c> makes them
/// (<c>DescribeKeyPairs</c> → <c>describe-key-pairs</c>, <c>GatewayARNs</c> → <c>gateway-arns</c>), and the
/// services it names differently from their models (<c>s3api</c> for S3's operations, <c>configservice</c>,
/// <c>deploy</c>).
/// </summary>
internal static partial class CliNames
{
    // The few names botocore special-cases because the general rule splits them badly.
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["CreateCachediSCSIVolume"] = "create-cached-iscsi-volume",
        ["DescribeCachediSCSIVolumes"] = "describe-cached-iscsi-volumes",
        ["DescribeStorediSCSIVolumes"] = "describe-stored-iscsi-volumes",
        ["CreateStorediSCSIVolume"] = "create-stored-iscsi-volume",
        ["ListHITsForQualificationType"] = "list-hits-for-qualification-type",
        ["ExecutePartiQLStatement"] = "execute-partiql-statement",
        ["ExecutePartiQLTransaction"] = "execute-partiql-transaction",
        ["ExecutePartiQLBatch"] = "execute-partiql-batch",
    };

    // Model name -> command name, where the AWS CLI renames a service.
    private static readonly Dictionary<string, string> ServiceRenames = new(StringComparer.Ordinal)
    {
        ["s3"] = "s3api",
        ["config"] = "configservice",
        ["codedeploy"] = "deploy",
    };

    private static readonly Dictionary<string, string> ServiceModels = ServiceRenames.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>A model name (PascalCase) as a command or option name (kebab-case).</summary>
    public static string Kebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('-', StringComparison.Ordinal))
        {
            return name;
        }
        if (Exceptions.TryGetValue(name, out var known))
        {
            return known;
        }
        if (PluralAcronym().Match(name) is { Success: true } plural)
        {
            name = name[..plural.Index] + "-" + plural.Value.ToLowerInvariant();
        }
        return EndCap().Replace(FirstCap().Replace(name, "$1-$2"), "$1-$2").ToLowerInvariant();
    }

    /// <summary>The command name of a service model (<c>s3</c> → <c>s3api</c>).</summary>
    public static string CommandForService(string model) => ServiceRenames.GetValueOrDefault(model, model);

    /// <summary>The service model a command names, or the command itself when it is not renamed.</summary>
    public static string ServiceForCommand(string command) => ServiceModels.GetValueOrDefault(command, command);

    /// <summary>Whether the model's name is hidden behind a rename (<c>s3</c> is not a service command; <c>s3api</c> is).</summary>
    public static bool IsRenamedModel(string model) => ServiceRenames.ContainsKey(model);

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex FirstCap();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex EndCap();

    [GeneratedRegex("[A-Z]{2,}s$")]
    private static partial Regex PluralAcronym();
}
