using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Stratus.Cli.Output;

/// <summary>
/// The <c>--debug</c> log: every level, down to the runtime's wire log (secrets already redacted by it), one
/// line per message on stderr, in the AWS CLI's layout (<c>time - logger - LEVEL - message</c>).
/// </summary>
internal sealed class StderrLogger(TextWriter stderr, string category) : ILogger
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var time = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
        var line = $"{time} - {category} - {Level(logLevel)} - {formatter(state, exception)}";
        lock (_gate)
        {
            stderr.WriteLine(line);
            if (exception is not null)
            {
                stderr.WriteLine(exception.ToString());
            }
            stderr.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => "CRITICAL",
    };
}
