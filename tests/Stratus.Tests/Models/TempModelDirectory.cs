using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Tests.Models;

/// <summary>A throwaway model directory in botocore's layout.</summary>
internal sealed class TempModelDirectory : IDisposable
{
    public TempModelDirectory() => Path = Directory.CreateTempSubdirectory("stratus-models-").FullName;

    public string Path { get; }

    /// <summary>Writes <c>&lt;service&gt;/&lt;version&gt;/&lt;file&gt;</c> (gzip-compressed when the name ends in .gz).</summary>
    public TempModelDirectory Add(string service, string version, string file, string json)
    {
        var folder = System.IO.Path.Combine(Path, service, version);
        Directory.CreateDirectory(folder);
        WriteFile(System.IO.Path.Combine(folder, file), json);
        return this;
    }

    /// <summary>Writes a top-level data file.</summary>
    public TempModelDirectory AddData(string file, string json)
    {
        WriteFile(System.IO.Path.Combine(Path, file), json);
        return this;
    }

    /// <summary>A tiny service-2.json (each operation documented, as user models may be).</summary>
    public static string Service(string protocol, string apiVersion, params string[] operations)
    {
        var ops = new JsonObject();
        var shapes = new JsonObject { ["String"] = new JsonObject { ["type"] = "string" } };
        foreach (var o in operations)
        {
            ops[o] = new JsonObject
            {
                ["name"] = o,
                ["http"] = new JsonObject { ["method"] = "POST", ["requestUri"] = "/" },
                ["input"] = new JsonObject { ["shape"] = o + "Request" },
                ["documentation"] = "<p>kept in user models</p>",
            };
            shapes[o + "Request"] = new JsonObject
            {
                ["type"] = "structure",
                ["members"] = new JsonObject { ["Name"] = new JsonObject { ["shape"] = "String" } },
            };
        }
        return new JsonObject
        {
            ["version"] = "2.0",
            ["metadata"] = new JsonObject
            {
                ["apiVersion"] = apiVersion,
                ["endpointPrefix"] = "custom",
                ["protocol"] = protocol,
                ["serviceId"] = "Custom",
                ["signatureVersion"] = "v4",
            },
            ["operations"] = ops,
            ["shapes"] = shapes,
        }.ToJsonString();
    }

    private static void WriteFile(string path, string json)
    {
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        else
        {
            File.WriteAllText(path, json);
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
