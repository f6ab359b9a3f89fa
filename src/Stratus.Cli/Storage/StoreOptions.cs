using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary>
/// How the stores named on a line are opened. The global <c>--profile</c>, <c>--endpoint-url</c> and <c>--region</c>
/// (read as AWS users expect: they matter to <c>s3://</c>), <c>--connection-string</c> (<c>az://</c>; default:
/// AZURE_STORAGE_CONNECTION_STRING) and <c>--setting NAME=VALUE</c> (any provider's own settings) apply to every URL.
/// Swift reads its usual OS_* / ST_* environment variables. For a copy between two accounts or endpoints, the source
/// takes <c>--source-…</c> options instead: when any is given, the source uses only those.
/// </summary>
internal sealed class StoreOptions
{
    public Option<string?> ConnectionString { get; } = new("--connection-string") { Description = "az://: the storage account's connection string. Default: AZURE_STORAGE_CONNECTION_STRING." };
    public Option<string[]> Settings { get; } = new("--setting") { Description = "NAME=VALUE: a provider's own setting (for example auth-url for swift://); repeatable." };
    public Option<string?> SourceProfile { get; } = new("--source-profile") { Description = "The source's profile (when it differs from the destination's)." };
    public Option<string?> SourceEndpointUrl { get; } = new("--source-endpoint-url") { Description = "The source's endpoint URL (when it differs from the destination's)." };
    public Option<string?> SourceRegion { get; } = new("--source-region") { Description = "The source's region (when it differs from the destination's)." };
    public Option<string?> SourceConnectionString { get; } = new("--source-connection-string") { Description = "The source's az:// connection string (when it differs from the destination's)." };
    public Option<string[]> SourceSettings { get; } = new("--source-setting") { Description = "NAME=VALUE: a setting of the source's provider; repeatable." };

    /// <summary>Adds the options for one side (every command), or for both sides (cp, sync).</summary>
    public Command AddTo(Command command, bool twoSides)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConnectionString);
        command.Options.Add(Settings);
        if (twoSides)
        {
            foreach (var option in new Option[] { SourceProfile, SourceEndpointUrl, SourceRegion, SourceConnectionString, SourceSettings })
            {
                command.Options.Add(option);
            }
        }
        return command;
    }

    /// <summary>The settings of every URL on the line (and of the destination of a copy).</summary>
    public Side Shared(ParseResult parse, CliSettings globals)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(globals);
        return new Side(globals.Profile, globals.EndpointUrl, globals.Region, parse.GetValue(ConnectionString), Pairs(parse.GetValue(Settings), "--setting"));
    }

    /// <summary>The source's own settings; null when no <c>--source-…</c> option is given (the source then shares them).</summary>
    public Side? Source(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var profile = parse.GetValue(SourceProfile);
        var endpoint = parse.GetValue(SourceEndpointUrl);
        var region = parse.GetValue(SourceRegion);
        var connection = parse.GetValue(SourceConnectionString);
        var settings = parse.GetValue(SourceSettings) ?? [];
        if (profile is null && endpoint is null && region is null && connection is null && settings.Length == 0)
        {
            return null;
        }
        Uri? url = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw new UsageException($"Bad value for --source-endpoint-url \"{endpoint}\": expected http://<hostname>/ or https://<hostname>/");
        }
        return new Side(profile, url, region, connection, Pairs(settings, "--source-setting"));
    }

    private static Dictionary<string, string> Pairs(string[]? values, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values ?? [])
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"argument {option}: expected NAME=VALUE, got '{value}'");
            }
            pairs[value[..eq]] = value[(eq + 1)..];
        }
        return pairs;
    }

    /// <summary>The settings of one side of a command line.</summary>
    internal sealed record Side(string? Profile, Uri? EndpointUrl, string? Region, string? ConnectionString, IReadOnlyDictionary<string, string> Values)
    {
        /// <summary>The store settings for a scheme: Azure's connection string from the environment when not given.</summary>
        public StoreSettings ToStoreSettings(string scheme, Func<string, string?>? environment = null)
        {
            var settings = new StoreSettings { Profile = Profile, EndpointUrl = EndpointUrl, Region = Region };
            if (environment is not null)
            {
                settings.Environment = environment;
            }
            foreach (var (name, value) in Values)
            {
                settings.Values[name] = value;
            }
            var connection = ConnectionString;
            if (connection is null && scheme == "az" && !settings.Values.ContainsKey(ConnectionStringName))
            {
                connection = settings.Environment("AZURE_STORAGE_CONNECTION_STRING") is { Length: > 0 } env ? env : null;
            }
            if (connection is not null)
            {
                settings.Values[ConnectionStringName] = connection;
            }
            return settings;
        }

        /// <summary>Never shows values: a connection string holds a key.</summary>
        public override string ToString() => $"Side {{ Profile = {Profile}, EndpointUrl = {EndpointUrl}, Region = {Region}, Values = [{string.Join(", ", Values.Keys)}] }}";
    }

    /// <summary>The name under which a connection string is passed in <see cref="StoreSettings.Values"/>.</summary>
    public const string ConnectionStringName = "connection-string";
}
