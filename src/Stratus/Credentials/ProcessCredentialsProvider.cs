using System.Diagnostics;
using System.Globalization;
using System.Text;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Credentials printed by a command (<c>credential_process</c>): the command runs through the shell
/// (<c>/bin/sh -c</c>, or <c>cmd.exe /c</c> on Windows) and must print a JSON object with
/// <c>"Version": 1</c>, <c>AccessKeyId</c>, <c>SecretAccessKey</c> and optionally <c>SessionToken</c> and
/// <c>Expiration</c>. It is killed when it runs longer than <see cref="CredentialsOptions.ProcessTimeout"/>.
/// Error messages name the profile and quote the command's standard error, never its output or the command line.
/// </summary>
public sealed class ProcessCredentialsProvider : CredentialsProvider
{
    private const int MaxOutput = 1024 * 1024;
    private readonly string _command;
    private readonly string _label;
    private readonly CredentialsOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="command">The command line.</param>
    /// <param name="profile">The profile the command comes from, for messages; null when it comes from elsewhere.</param>
    /// <param name="options">The timeout and clock; null for the defaults.</param>
    /// <exception cref="ArgumentException">The command is empty.</exception>
    public ProcessCredentialsProvider(string command, string? profile = null, CredentialsOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        _command = command;
        _label = profile is null ? "credential_process" : $"credential_process (profile '{profile}')";
        _options = options ?? new CredentialsOptions();
    }

    /// <inheritdoc/>
    public override string Name => _label;

    /// <inheritdoc/>
    /// <exception cref="ClientException">The command could not start, failed, timed out, or printed no valid credentials.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(_command) };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Error($"the shell could not be started: {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (!await WaitAsync(process, async, cancellationToken).ConfigureAwait(false))
            {
                throw Error($"the command did not finish within {Env.Seconds(_options.ProcessTimeout)} s and was stopped");
            }
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        // The no-argument wait returns once the output streams are drained, so both buffers are complete.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var detail = FirstLines(stderr.ToString());
            throw Error(string.Create(CultureInfo.InvariantCulture, $"the command exited with code {process.ExitCode}{(detail.Length > 0 ? ": " + detail : "")}"));
        }
        try
        {
            var document = CredentialsJson.ParseObject(stdout.ToString());
            if (!document.TryGetProperty("Version", out var version) || version.ValueKind != System.Text.Json.JsonValueKind.Number
                || !version.TryGetInt32(out var v) || v != 1)
            {
                throw new FormatException("the answer's Version is not 1 (the only version supported)");
            }
            return CredentialsResult.Success(CredentialsJson.Read(document, "SessionToken"));
        }
        catch (FormatException e)
        {
            throw Error(e.Message.Replace("the answer", "the output", StringComparison.Ordinal), e);
        }
    }

    private async ValueTask<bool> WaitAsync(Process process, bool async, CancellationToken cancellationToken)
    {
        if (!async)
        {
            // Polls in short steps so that cancellation is noticed without blocking on a task.
            var deadline = _options.Clock.GetTimestamp();
            while (!process.WaitForExit(50))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_options.Clock.GetElapsedTime(deadline) >= _options.ProcessTimeout)
                {
                    Kill(process);
                    return false;
                }
            }
            return true;
        }
        using var timer = new CancellationTokenSource(_options.ProcessTimeout, _options.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            return false;
        }
    }

    private static ProcessStartInfo StartInfo(string command)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (OperatingSystem.IsWindows())
        {
            info.FileName = "cmd.exe";
            info.ArgumentList.Add("/d");
            info.ArgumentList.Add("/c");
        }
        else
        {
            info.FileName = "/bin/sh";
            info.ArgumentList.Add("-c");
        }
        info.ArgumentList.Add(command);
        return info;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (buffer)
        {
            if (buffer.Length + line.Length < MaxOutput)
            {
                buffer.Append(line).Append('\n');
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It has already exited.
        }
    }

    private static string FirstLines(string text)
    {
        var trimmed = text.Trim();
        var line = trimmed.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private ClientException Error(string problem, Exception? inner = null) => new(ClientErrorKind.Credentials, $"{_label}: {problem}.", inner);
}
