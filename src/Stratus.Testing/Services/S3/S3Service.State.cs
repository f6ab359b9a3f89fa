using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.S3;

public sealed partial class S3Service
{
    /// <inheritdoc />
    public JsonNode SaveState()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["format"] = 1,
                ["uploadSequence"] = _uploadSequence,
                ["buckets"] = new JsonArray([.. _buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => (JsonNode)b.ToJson())]),
            };
        }
    }

    /// <inheritdoc />
    public void LoadState(JsonNode state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var buckets = S3Json.Objects(state["buckets"]).Select(S3Bucket.FromJson).ToList();
        lock (_gate)
        {
            _buckets.Clear();
            foreach (var b in buckets)
            {
                _buckets[b.Name] = b;
            }
            _uploadSequence = (long?)state["uploadSequence"] ?? 0;
            Changed();
        }
    }
}
