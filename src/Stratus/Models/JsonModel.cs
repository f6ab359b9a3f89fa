using System.Text.Json;

namespace Stratus.Models;

/// <summary>Small readers over the model's JSON (a <see cref="JsonElement"/> is immutable, so shapes are safe to share across threads).</summary>
internal static class JsonModel
{
    public static JsonElement? Obj(JsonElement? o, string key) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static JsonElement? Arr(JsonElement? o, string key) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v : null;

    public static string? Str(JsonElement? o, string key) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Bool(JsonElement? o, string key) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;

    public static bool Has(JsonElement? o, string key) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(key, out _);

    public static double? Num(JsonElement? o, string key) =>
        o is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static string[] Strings(JsonElement? o, string key) =>
        Arr(o, key) is { } a ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray() : [];
}
