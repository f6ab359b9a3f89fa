using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.DynamoDb;

/// <summary>Saving and restoring every table of every account and region.</summary>
public sealed partial class DynamoDbService
{
    private const int StateFormat = 1;

    /// <inheritdoc />
    public JsonNode SaveState()
    {
        lock (_gate)
        {
            var tables = new JsonArray();
            foreach (var table in _regions.Values.SelectMany(t => t.Values))
            {
                tables.Add((JsonNode)table.ToState());
            }
            return new JsonObject { ["Format"] = StateFormat, ["Tables"] = tables };
        }
    }

    /// <inheritdoc />
    public void LoadState(JsonNode state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if ((int?)state["Format"] != StateFormat)
        {
            throw new InvalidOperationException($"The saved DynamoDB state has format {state["Format"]}; this version reads format {StateFormat}.");
        }
        var tables = state["Tables"]!.AsArray().Select(t => Table.FromState(t!.AsObject())).ToList();
        lock (_gate)
        {
            _regions.Clear();
            foreach (var table in tables)
            {
                Tables(table.Account, table.Region)[table.Name] = table;
            }
            Changed();
        }
    }
}
