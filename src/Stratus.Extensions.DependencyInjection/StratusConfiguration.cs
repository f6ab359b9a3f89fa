using System.Globalization;
using Microsoft.Extensions.Configuration;
using Stratus.Client;
using Stratus.Pipeline;

namespace Stratus.Extensions.DependencyInjection;

/// <summary>
/// Reads client options from configuration by key (no reflection, so it trims and compiles ahead of time).
/// Keys: <c>Region</c>, <c>Profile</c>, <c>EndpointUrl</c>, <c>SignatureVersion</c>, <c>Protocol</c>, <c>ForcePathStyle</c>,
/// <c>Unsigned</c>, <c>Timeout</c>, <c>Retry:Mode</c>, <c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxBackoff</c>,
/// <c>Connection:ConnectTimeout</c>, <c>Connection:ReadTimeout</c>, <c>Connection:IdleTimeout</c>,
/// <c>Connection:MaxConnectionsPerServer</c>. Times are seconds (<c>30</c>, <c>0.5</c>) or a TimeSpan (<c>00:00:30</c>).
/// </summary>
internal static class StratusConfiguration
{
    public static void Apply(IConfiguration section, ClientOptions options)
    {
        if (section["Region"] is { Length: > 0 } region)
        {
            options.Region = region;
        }
        if (section["Profile"] is { Length: > 0 } profile)
        {
            options.Profile = profile;
        }
        if (section["EndpointUrl"] is { Length: > 0 } url)
        {
            options.EndpointUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw Invalid(section, "EndpointUrl", url, "an absolute URL");
        }
        if (section["SignatureVersion"] is { Length: > 0 } signatureVersion)
        {
            options.SignatureVersion = signatureVersion;
        }
        if (section["Protocol"] is { Length: > 0 } protocol)
        {
            options.Protocol = protocol;
        }
        if (Bool(section, "ForcePathStyle") is { } pathStyle)
        {
            options.ForcePathStyle = pathStyle;
        }
        if (Bool(section, "Unsigned") is { } unsigned)
        {
            options.Unsigned = unsigned;
        }
        if (Time(section, "Timeout") is { } timeout)
        {
            options.Timeout = timeout;
        }
        var retry = section.GetSection("Retry");
        if (retry["Mode"] is { Length: > 0 } mode)
        {
            options.Retry.Mode = RetryOptions.ParseMode(mode) ?? throw Invalid(retry, "Mode", mode, "standard, adaptive or legacy");
        }
        if (Int(retry, "MaxAttempts") is { } maxAttempts)
        {
            options.Retry.MaxAttempts = maxAttempts;
        }
        if (Time(retry, "BaseDelay") is { } baseDelay)
        {
            options.Retry.BaseDelay = baseDelay;
        }
        if (Time(retry, "MaxBackoff") is { } maxBackoff)
        {
            options.Retry.MaxBackoff = maxBackoff;
        }
        var connection = section.GetSection("Connection");
        if (Time(connection, "ConnectTimeout") is { } connect)
        {
            options.Connection = options.Connection with { ConnectTimeout = connect };
        }
        if (Time(connection, "ReadTimeout") is { } read)
        {
            options.Connection = options.Connection with { ReadTimeout = read };
        }
        if (Time(connection, "IdleTimeout") is { } idle)
        {
            options.Connection = options.Connection with { IdleTimeout = idle };
        }
        if (Int(connection, "MaxConnectionsPerServer") is { } maxConnections)
        {
            options.Connection = options.Connection with { MaxConnectionsPerServer = maxConnections };
        }
    }

    private static bool? Bool(IConfiguration section, string key) =>
        section[key] is not { Length: > 0 } value ? null
        : bool.TryParse(value, out var b) ? b : throw Invalid(section, key, value, "true or false");

    private static int? Int(IConfiguration section, string key) =>
        section[key] is not { Length: > 0 } value ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw Invalid(section, key, value, "a positive whole number");

    private static TimeSpan? Time(IConfiguration section, string key)
    {
        if (section[key] is not { Length: > 0 } value)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var time) && time > TimeSpan.Zero ? time
            : throw Invalid(section, key, value, "seconds or a time span (00:00:30)");
    }

    private static InvalidOperationException Invalid(IConfiguration section, string key, string value, string expected) =>
        new($"Stratus configuration: {Path(section, key)} is '{value}'; expected {expected}.");

    private static string Path(IConfiguration section, string key) => section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
}
