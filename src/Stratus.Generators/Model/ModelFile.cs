using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Stratus.Generators.Model;

/// <summary>
/// Reads a model file named by an additional file: <c>.json</c> (botocore's <c>service-2.json</c> or a bundle
/// entry) through the compiler's own text, or <c>.json.gz</c> / <c>.json.br</c> (the bundle's compressed
/// entries) from disk. Brotli is reached by reflection: netstandard2.0 has no <c>BrotliStream</c>, but every
/// .NET compiler host (the <c>dotnet build</c> compiler, the IDE's out-of-process analyzers) does.
/// </summary>
internal static class ModelFile
{
    private static readonly Lazy<Type?> s_brotli = new(() =>
        Type.GetType("System.IO.Compression.BrotliStream, System.IO.Compression.Brotli", throwOnError: false)
        ?? Type.GetType("System.IO.Compression.BrotliStream, System.IO.Compression", throwOnError: false));

    /// <summary>Whether this compiler host can decompress <c>.json.br</c> files.</summary>
    public static bool HasBrotli => s_brotli.Value is not null;

    /// <summary>The model's JSON text.</summary>
    /// <exception cref="NotSupportedException">A <c>.br</c> file on a host without Brotli.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var path = file.Path;
        if (path.EndsWith(".br", StringComparison.OrdinalIgnoreCase))
        {
            var brotli = s_brotli.Value ?? throw new NotSupportedException("this compiler host has no BrotliStream (it runs on .NET Framework)");
            return Decompress(ReadBytes(path), raw => (Stream)Activator.CreateInstance(brotli, raw, CompressionMode.Decompress));
        }
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return Decompress(ReadBytes(path), raw => new GZipStream(raw, CompressionMode.Decompress));
        }
        return file.GetText(cancellationToken)?.ToString() ?? throw new FileNotFoundException("the file does not exist or cannot be read", path);
    }

    // A compressed model is binary: AdditionalText only offers it decoded as text, which would mangle it,
    // so its bytes are read from the path the build named. The pipeline still keys on the AdditionalText,
    // so an edited file is read again.
#pragma warning disable RS1035 // File IO is banned in analyzers: see above; the path comes from the project's own AdditionalFiles.
    private static byte[] ReadBytes(string path) => File.ReadAllBytes(path);
#pragma warning restore RS1035

    private static string Decompress(byte[] bytes, Func<Stream, Stream> open)
    {
        using var raw = new MemoryStream(bytes);
        using var stream = open(raw);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }
}
