using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

public sealed partial class Ec2Service
{
    private const int StateFormat = 1;

    /// <inheritdoc />
    public JsonNode SaveState()
    {
        var regions = new JsonArray();
        foreach (var region in _regions.Values.OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal))
        {
            lock (region.Gate)
            {
                regions.Add((JsonNode)region.ToState());
            }
        }
        return new JsonObject { ["Format"] = StateFormat, ["Regions"] = regions };
    }

    /// <inheritdoc />
    public void LoadState(JsonNode state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if ((int?)state["Format"] != StateFormat)
        {
            throw new InvalidOperationException($"The saved EC2 state has format {state["Format"]?.ToJsonString() ?? "(none)"}; this version reads format {StateFormat}.");
        }
        var regions = state["Regions"] is JsonArray array ? array.OfType<JsonObject>().Select(Ec2Region.FromState).ToList() : [];
        lock (_regionsGate)
        {
            _regions.Clear();
            foreach (var region in regions)
            {
                _regions[(region.AccountId, region.Region)] = region;
            }
            Changed();
        }
    }
}
