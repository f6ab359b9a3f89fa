namespace Stratus.ModelImport;

/// <summary>
/// A protocol variant: a service's model for another wire protocol, taken from an older botocore
/// that still has it, and bundled as <c>Data/&lt;service&gt;@&lt;protocol&gt;.json.br</c> beside the
/// service's main model (listed under <c>variants</c> in <c>index.json</c>, not as a service).
/// </summary>
/// <param name="Service">botocore's folder name, for example <c>sqs</c>.</param>
/// <param name="Protocol">The variant's protocol; the model's <c>metadata.protocol</c> must be this.</param>
/// <param name="Suite">The Debian suite whose <c>python3-botocore</c> has that model (its newest api version is taken).</param>
internal sealed record ProtocolVariant(string Service, string Protocol, string Suite)
{
    /// <summary>The variants imported. Add a line to import another; variants of one suite share one download.</summary>
    public static readonly ProtocolVariant[] All =
    [
        // SQS's current model speaks only the JSON protocol and has lost its query traits (locationName,
        // flattened, resultWrapper, error codes); bookworm's botocore 1.29 still has the query model,
        // which older clients (AWS CLI 2.9, boto 2) and emulators such as sqslite speak.
        new("sqs", "query", "bookworm"),
    ];

    /// <summary>The documents taken (file type, key in the bundle entry): the main model's waiters and endpoint rules serve the variant too.</summary>
    public static readonly (string Type, string Key)[] Documents =
    [
        ("service-2", "service"),
        ("paginators-1", "paginators"),
    ];

    /// <summary>The bundle file's name without <c>.json.br</c>, for example <c>sqs@query</c>.</summary>
    public string FileStem => $"{Service}@{Protocol}";
}
