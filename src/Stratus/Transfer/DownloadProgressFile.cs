using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Transfer;

/// <summary>
/// The sidecar of a file download (<c>&lt;path&gt;.stratus-download.json</c>): which object (bucket, key, ETag, size,
/// ranges) and which ranges are written, with their checksums. Saved (write, then rename) after each range, so a
/// download stopped by cancellation, an error or the process ending resumes where it was; it does not guard against
/// a machine losing power (the data is not flushed to disk first).
/// </summary>
internal sealed class DownloadProgressFile
{
    private readonly string _path;
    private readonly string _identity;
    private readonly Lock _gate = new();

    private DownloadProgressFile(string path, DownloadPlan plan)
    {
        _path = path;
        _identity = Identity(plan);
    }

    /// <summary>Written ranges by index, with their checksum (empty when none is kept).</summary>
    public Dictionary<int, string> Done { get; } = [];

    /// <summary>The progress of a download of this plan, if the file records one; else a new, empty record.</summary>
    public static DownloadProgressFile Load(string path, DownloadPlan plan, bool resume)
    {
        var record = new DownloadProgressFile(path, plan);
        if (!resume || !File.Exists(path))
        {
            return record;
        }
        try
        {
            var o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            if ((string?)o["object"] == record._identity && o["done"] is JsonObject done)
            {
                foreach (var (index, digest) in done)
                {
                    var i = int.Parse(index, CultureInfo.InvariantCulture);
                    if (i >= 0 && i < plan.Ranges.Count)
                    {
                        record.Done[i] = (string?)digest ?? "";
                    }
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or FormatException or InvalidOperationException or OverflowException)
        {
            record.Done.Clear(); // unreadable: start over
        }
        return record;
    }

    /// <summary>Records a written range and saves.</summary>
    public void Complete(int index, string? digest)
    {
        lock (_gate)
        {
            Done[index] = digest ?? "";
            Save();
        }
    }

    public void Save()
    {
        lock (_gate)
        {
            var done = new JsonObject();
            foreach (var (i, digest) in Done.OrderBy(p => p.Key))
            {
                done[i.ToString(CultureInfo.InvariantCulture)] = digest;
            }
            var temp = _path + ".tmp";
            File.WriteAllText(temp, new JsonObject { ["object"] = _identity, ["done"] = done }.ToJsonString());
            File.Move(temp, _path, overwrite: true);
        }
    }

    public void Delete()
    {
        File.Delete(_path);
        File.Delete(_path + ".tmp");
    }

    // Everything that must be equal for written ranges to be reused.
    private static string Identity(DownloadPlan plan) =>
        string.Join('|', plan.Bucket, plan.Key, plan.ETag, plan.Size.ToString(CultureInfo.InvariantCulture), plan.Ranges.Count.ToString(CultureInfo.InvariantCulture),
            plan.Ranges[0].Length.ToString(CultureInfo.InvariantCulture), plan.PerRange.ToString());
}
