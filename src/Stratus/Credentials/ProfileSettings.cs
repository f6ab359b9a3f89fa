using System.Globalization;

namespace Stratus.Credentials;

/// <summary>
/// The settings of one profile (or other section) of the shared config files: string values by key
/// (keys are case-insensitive, as botocore folds them), indented sub-sections (<c>s3 =</c> then
/// <c>max_concurrent_requests = 10</c>), and typed helpers for the common keys.
/// <see cref="ToString"/> shows the keys only, never values.
/// </summary>
public sealed class ProfileSettings
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _subSections;

    internal ProfileSettings(string name, IEnumerable<KeyValuePair<string, string>> values, IEnumerable<KeyValuePair<string, Dictionary<string, string>>> subSections)
    {
        Name = name;
        _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        _subSections = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, sub) in subSections)
        {
            _subSections[key] = new Dictionary<string, string>(sub, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The profile's name (for example <c>default</c>, or <c>dev</c> for <c>[profile dev]</c>).</summary>
    public string Name { get; }

    /// <summary>The keys with plain values.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The keys of sub-sections.</summary>
    public IEnumerable<string> SubSectionKeys => _subSections.Keys;

    /// <summary>A plain value, or null when the key is absent (or holds a sub-section).</summary>
    public string? this[string key] => _values.GetValueOrDefault(key);

    /// <summary>Whether the key is present, with a plain value or a sub-section.</summary>
    public bool Contains(string key) => _values.ContainsKey(key) || _subSections.ContainsKey(key);

    /// <summary>A sub-section (<c>s3 =</c> followed by indented settings), or null.</summary>
    public IReadOnlyDictionary<string, string>? SubSection(string key) => _subSections.GetValueOrDefault(key);

    /// <summary><c>region</c>.</summary>
    public string? Region => NonEmpty("region");

    /// <summary><c>max_attempts</c>, or null when absent or not a number.</summary>
    public int? MaxAttempts => Integer("max_attempts");

    /// <summary><c>retry_mode</c> (<c>legacy</c>, <c>standard</c> or <c>adaptive</c>).</summary>
    public string? RetryMode => NonEmpty("retry_mode");

    /// <summary><c>endpoint_url</c>, or null when absent or not an absolute URI.</summary>
    public Uri? EndpointUrl => NonEmpty("endpoint_url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary><c>aws_access_key_id</c>.</summary>
    public string? AccessKeyId => NonEmpty("aws_access_key_id");

    /// <summary><c>aws_secret_access_key</c>.</summary>
    public string? SecretAccessKey => NonEmpty("aws_secret_access_key");

    /// <summary><c>aws_session_token</c> (or the older <c>aws_security_token</c>).</summary>
    public string? SessionToken => NonEmpty("aws_session_token") ?? NonEmpty("aws_security_token");

    /// <summary><c>credential_process</c>: a command that prints credentials as JSON.</summary>
    public string? CredentialProcess => NonEmpty("credential_process");

    /// <summary><c>role_arn</c>: the role to assume.</summary>
    public string? RoleArn => NonEmpty("role_arn");

    /// <summary><c>source_profile</c>: the profile whose credentials assume <see cref="RoleArn"/>.</summary>
    public string? SourceProfile => NonEmpty("source_profile");

    /// <summary><c>credential_source</c>: <c>Environment</c>, <c>Ec2InstanceMetadata</c> or <c>EcsContainer</c>.</summary>
    public string? CredentialSource => NonEmpty("credential_source");

    /// <summary><c>web_identity_token_file</c>: a file holding an OIDC token for AssumeRoleWithWebIdentity.</summary>
    public string? WebIdentityTokenFile => NonEmpty("web_identity_token_file");

    /// <summary><c>role_session_name</c>.</summary>
    public string? RoleSessionName => NonEmpty("role_session_name");

    /// <summary><c>external_id</c>.</summary>
    public string? ExternalId => NonEmpty("external_id");

    /// <summary><c>duration_seconds</c>, or null when absent or not a number.</summary>
    public int? DurationSeconds => Integer("duration_seconds");

    /// <summary><c>mfa_serial</c>.</summary>
    public string? MfaSerial => NonEmpty("mfa_serial");

    /// <summary>Whether the profile is set up for IAM Identity Center (SSO).</summary>
    public bool UsesSso => Contains("sso_session") || Contains("sso_start_url") || Contains("sso_account_id") || Contains("sso_role_name");

    /// <summary>Shows the name and keys, never values.</summary>
    public override string ToString() => $"ProfileSettings {{ Name = {Name}, Keys = [{string.Join(", ", _values.Keys.Concat(_subSections.Keys))}] }}";

    internal IEnumerable<KeyValuePair<string, string>> Values => _values;

    internal IEnumerable<KeyValuePair<string, Dictionary<string, string>>> SubSections =>
        _subSections.Select(s => KeyValuePair.Create(s.Key, new Dictionary<string, string>(s.Value, StringComparer.OrdinalIgnoreCase)));

    private string? NonEmpty(string key) => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private int? Integer(string key) =>
        NonEmpty(key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>This profile with <paramref name="over"/>'s settings on top (the credentials file over the config file).</summary>
    internal ProfileSettings MergedWith(ProfileSettings over) =>
        new(Name, Values.Concat(over.Values).GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()),
            SubSections.Concat(over.SubSections).GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()));
}
