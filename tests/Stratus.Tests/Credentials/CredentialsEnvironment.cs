using System.Collections;

namespace Stratus.Tests.Credentials;

/// <summary>
/// A clean environment for one credentials test: every <c>AWS_*</c> variable is cleared (and restored on
/// dispose), the shared files point into a fresh temporary folder, and instance metadata is disabled
/// unless a test enables it, so no test reads the real ~/.aws or reaches a real metadata service.
/// </summary>
public sealed class CredentialsEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new(StringComparer.Ordinal);

    public CredentialsEnvironment()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("AWS_", StringComparison.Ordinal))
            {
                Set(name, null);
            }
        }
        Set("HOME", Environment.GetEnvironmentVariable("HOME"));
        Directory = System.IO.Directory.CreateTempSubdirectory("stratus-credentials-").FullName;
        Set("AWS_CONFIG_FILE", ConfigFile);
        Set("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Set("AWS_EC2_METADATA_DISABLED", "true");
    }

    /// <summary>The temporary folder.</summary>
    public string Directory { get; }

    /// <summary>Where AWS_CONFIG_FILE points (not created until written).</summary>
    public string ConfigFile => Path.Combine(Directory, "config");

    /// <summary>Where AWS_SHARED_CREDENTIALS_FILE points (not created until written).</summary>
    public string CredentialsFile => Path.Combine(Directory, "credentials");

    /// <summary>Sets (or, with null, removes) a variable; the old value comes back on dispose.</summary>
    public CredentialsEnvironment Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    /// <summary>Writes a file in the temporary folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes an executable shell script and returns its path.</summary>
    public string Script(string name, string body)
    {
        var path = Write(name, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
