using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Stratus.Generators;

/// <summary>
/// One <c>StratusService</c> item as the generator sees it: the model file (an additional file) and its
/// metadata. Compared by value, so an unchanged project reuses the generated source; the
/// <see cref="AdditionalText"/> itself is compared by reference (a changed file is a new one).
/// </summary>
internal sealed class ServiceRequest : System.IEquatable<ServiceRequest>
{
    public ServiceRequest(AdditionalText file, string service, IReadOnlyList<string> operations, string? ns, string? clientName)
    {
        File = file;
        Service = service;
        Operations = operations;
        Namespace = ns;
        ClientName = clientName;
    }

    public AdditionalText File { get; }

    public string Path => File.Path;

    /// <summary>The service name (the item's Include), for example <c>s3</c>.</summary>
    public string Service { get; }

    /// <summary>The operations to generate; empty for all of them.</summary>
    public IReadOnlyList<string> Operations { get; }

    public string? Namespace { get; }

    public string? ClientName { get; }

    public bool Equals(ServiceRequest? other) =>
        other is not null && ReferenceEquals(File, other.File) && Service == other.Service && Namespace == other.Namespace
        && ClientName == other.ClientName && Operations.SequenceEqual(other.Operations);

    public override bool Equals(object? obj) => Equals(obj as ServiceRequest);

    public override int GetHashCode() => (Service.GetHashCode() * 31) ^ Operations.Count;
}

/// <summary>A diagnostic to report, as plain data (so the pipeline's outputs compare by value).</summary>
/// <param name="Id">The descriptor's id.</param>
/// <param name="Path">The model file the problem is about.</param>
/// <param name="Message">The message argument.</param>
internal sealed record DiagnosticInfo(string Id, string Path, string Message);

/// <summary>One service's generated source and its diagnostics.</summary>
internal sealed class GeneratedService : System.IEquatable<GeneratedService>
{
    public GeneratedService(string hintName, string? source, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        HintName = hintName;
        Source = source;
        Diagnostics = diagnostics;
    }

    public string HintName { get; }

    public string? Source { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    public bool Equals(GeneratedService? other) =>
        other is not null && HintName == other.HintName && Source == other.Source && Diagnostics.SequenceEqual(other.Diagnostics);

    public override bool Equals(object? obj) => Equals(obj as GeneratedService);

    public override int GetHashCode() => HintName.GetHashCode();
}
