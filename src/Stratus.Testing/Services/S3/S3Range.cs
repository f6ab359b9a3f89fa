using System.Globalization;

namespace Stratus.Testing.Services.S3;

/// <summary>A satisfiable byte range of an object, from a <c>Range</c> header as S3 reads it.</summary>
internal readonly record struct S3Range(long Start, long Length)
{
    public long End => Start + Length - 1;

    /// <summary>The <c>Content-Range</c> value for an object of <paramref name="size"/> bytes.</summary>
    public string ContentRange(long size) => string.Create(CultureInfo.InvariantCulture, $"bytes {Start}-{End}/{size}");

    /// <summary>
    /// Reads a single range (<c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c>). Null means the whole object: no
    /// header, a syntactically invalid one, or several ranges (S3 ignores those). An unsatisfiable range is InvalidRange.
    /// </summary>
    public static S3Range? Resolve(string? header, long size)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var spec = header.AsSpan(6).Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0 || spec.Contains(','))
        {
            return null;
        }
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.IsEmpty)
        {
            if (!TryParse(last, out var suffix))
            {
                return null;
            }
            return suffix == 0 || size == 0 ? throw S3Errors.InvalidRange(header, size) : new S3Range(Math.Max(0, size - suffix), Math.Min(suffix, size));
        }
        if (!TryParse(first, out var start))
        {
            return null;
        }
        long end;
        if (last.IsEmpty)
        {
            end = size - 1;
        }
        else if (!TryParse(last, out end) || end < start)
        {
            return null;
        }
        if (start >= size)
        {
            throw S3Errors.InvalidRange(header, size);
        }
        end = Math.Min(end, size - 1);
        return new S3Range(start, end - start + 1);
    }

    private static bool TryParse(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
