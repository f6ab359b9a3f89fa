namespace Stratus.Cli.S3;

/// <summary>One file or object found under a directory or prefix.</summary>
/// <param name="Relative">Its path under the directory or prefix, with <c>/</c> separators.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastModified">When it was last modified.</param>
internal sealed record Entry(string Relative, long Size, DateTimeOffset LastModified);
