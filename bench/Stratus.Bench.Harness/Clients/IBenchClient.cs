namespace Stratus.Bench.Harness.Clients;

/// <summary>A client under test: one call of a scenario, on behalf of one worker.</summary>
public interface IBenchClient : IDisposable
{
    string Name { get; }

    /// <summary>Makes one call and reads its answer whole (bodies through the worker's sink); throws when the answer is not the expected one.</summary>
    Task CallAsync(Scenario scenario, Worker worker);
}
