using System.Text;
using Stratus.Models;

namespace Stratus.Tests.Protocols;

/// <summary>Builds a one-operation service model from JSON fragments, as the conformance suites do.</summary>
internal static class ModelBuilder
{
    public static OperationModel Operation(string metadata, string shapes, string operation)
    {
        var json = "{\"metadata\": " + metadata + ", \"shapes\": " + shapes + ", \"operations\": {\"Op\": " + operation + "}}";
        return ServiceModel.Parse("test", Encoding.UTF8.GetBytes(json)).GetOperation("Op");
    }
}
