namespace Stratus.Cli.Input;

/// <summary>How text given for a blob member is read (<c>--cli-binary-format</c>).</summary>
internal enum BinaryFormat
{
    /// <summary>
    /// The default: text is sent as its UTF-8 bytes, as the AWS CLI v2 does with <c>raw-in-base64-out</c>
    /// (blobs in output are always base64). Use <c>fileb://path</c> for binary data.
    /// </summary>
    RawInBase64Out,

    /// <summary>Text is base64 and is decoded first (the AWS CLI v2's own default).</summary>
    Base64,
}
