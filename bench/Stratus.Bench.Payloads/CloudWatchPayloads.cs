using System.Formats.Cbor;

namespace Stratus.Bench.Payloads;

/// <summary>CloudWatch responses as smithy-rpc-v2-cbor renders them.</summary>
public static class CloudWatchPayloads
{
    /// <summary>A GetMetricData result: <paramref name="series"/> series of <paramref name="points"/> points each.</summary>
    public static byte[] GetMetricData(int series, int points)
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(null);
        w.WriteTextString("MetricDataResults");
        w.WriteStartArray(series);
        var start = Fixture.Epoch.ToUnixTimeSeconds();
        for (var s = 0; s < series; s++)
        {
            w.WriteStartMap(5);
            w.WriteTextString("Id");
            w.WriteTextString($"m{s}");
            w.WriteTextString("Label");
            w.WriteTextString($"CPUUtilization i-{s:x8}");
            w.WriteTextString("Timestamps");
            w.WriteStartArray(points);
            for (var p = 0; p < points; p++)
            {
                w.WriteTag(CborTag.UnixTimeSeconds);
                w.WriteDouble(start - p * 60);
            }
            w.WriteEndArray();
            w.WriteTextString("Values");
            w.WriteStartArray(points);
            for (var p = 0; p < points; p++)
            {
                w.WriteDouble(12.5 + (s * 31 + p * 7) % 80 + p / 1000.0);
            }
            w.WriteEndArray();
            w.WriteTextString("StatusCode");
            w.WriteTextString("Complete");
            w.WriteEndMap();
        }
        w.WriteEndArray();
        w.WriteTextString("Messages");
        w.WriteStartArray(0);
        w.WriteEndArray();
        w.WriteEndMap();
        return w.Encode();
    }
}
