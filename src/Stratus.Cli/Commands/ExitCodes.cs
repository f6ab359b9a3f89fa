namespace Stratus.Cli.Commands;

/// <summary>Exit codes, as the AWS CLI v2 returns them (checked against /usr/bin/aws).</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>The command line was wrong: unknown command or option, a bad value, a missing required argument.</summary>
    public const int Usage = 252;

    /// <summary>The environment or configuration was wrong: no credentials, no region.</summary>
    public const int Configuration = 253;

    /// <summary>The request was sent and the service answered with an error (the AWS CLI v1 returned 255 here).</summary>
    public const int ServiceError = 254;

    /// <summary>Anything else: connection failures, unreadable responses, unexpected errors.</summary>
    public const int General = 255;
}
