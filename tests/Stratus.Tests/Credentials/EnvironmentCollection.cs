namespace Stratus.Tests.Credentials;

/// <summary>Tests that change process-wide environment variables: run alone, one at a time.</summary>
[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentCollection;
