using Stratus.Client;

namespace Stratus;

/// <summary>The entry point: connect to any AWS service by its name.</summary>
public static class Aws
{
    /// <summary>
    /// Connects to a service, for example <c>Aws.Connect("ec2", new ClientOptions { Region = "eu-west-1" })</c>.
    /// The service's model is loaded (on first use) from the bundled models or <see cref="ClientOptions.Models"/>.
    /// </summary>
    /// <exception cref="ClientException">The service is unknown or speaks no supported protocol.</exception>
    public static ServiceClient Connect(string service, ClientOptions? options = null) => new(service, options ?? new ClientOptions());
}
