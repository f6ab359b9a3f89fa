namespace Stratus.ModelImport;

/// <summary>A failure the importer reports as a one-line error (bad arguments, a failed command).</summary>
internal sealed class ImportException(string message) : Exception(message);
