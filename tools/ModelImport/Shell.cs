using System.Diagnostics;

namespace Stratus.ModelImport;

/// <summary>Runs external commands (apt-get, dpkg-deb), echoing them as a shell line.</summary>
internal static class Shell
{
    /// <summary>Runs a command and returns its standard output; throws if it fails.</summary>
    public static string Run(string workingDirectory, string file, params string[] arguments)
    {
        Console.WriteLine($"$ {Display(file, arguments)}");
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new ImportException($"cannot start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new ImportException($"'{Display(file, arguments)}' exited with {process.ExitCode}:\n{errors}{stdout}");
        }
        return stdout;
    }

    public static string Display(string file, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { file }.Concat(arguments).Select(Quote));

    private static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@,".Contains(c)) ? s : $"'{s.Replace("'", "'\\''")}'";
}
