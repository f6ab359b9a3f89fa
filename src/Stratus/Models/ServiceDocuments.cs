using System.Text.Json;

namespace Stratus.Models;

/// <summary>A loaded service: its model and its optional paginators, waiters and endpoint rule set.</summary>
internal sealed record ServiceDocuments(
    ServiceModel Model,
    string ApiVersion,
    JsonElement? Paginators,
    JsonElement? Waiters,
    JsonElement? RuleSet);
