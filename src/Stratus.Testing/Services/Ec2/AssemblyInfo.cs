using System.Diagnostics.CodeAnalysis;

// Records write their saved state and EC2's output under member names that often equal their property names;
// those names are a file format and the model's wire names, and must not change when a property is renamed.
[assembly: SuppressMessage("Maintainability", "CA1507:Use nameof to express symbol names", Scope = "namespaceanddescendants", Target = "~N:Stratus.Testing.Services.Ec2", Justification = "Saved-state and model member names are data, not symbols.")]
