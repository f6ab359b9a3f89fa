using Stratus.Models;

namespace Stratus.Providers;

/// <summary>What a provider's signer knows of the request beyond the request itself.</summary>
/// <param name="Service">The service's model.</param>
/// <param name="Operation">The operation being called.</param>
/// <param name="Time">The time to sign with (the client's clock, corrected for the server's skew).</param>
public sealed record SigningContext(ServiceModel Service, OperationModel Operation, DateTimeOffset Time);
