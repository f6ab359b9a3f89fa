using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stratus.Generators.Emit;
using Stratus.Generators.Model;

namespace Stratus.Generators;

/// <summary>
/// Generates typed views of the services a project names with <c>StratusService</c> items
/// (<c>&lt;StratusService Include="s3" Operations="GetObject;PutObject" /&gt;</c>). The build glue
/// (build/Stratus.Generators.targets) turns each item into an additional file, the service's model, with
/// its metadata visible to the compiler; this reads the model and writes one source file per service.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TypedViewGenerator : IIncrementalGenerator
{
    private const string Metadata = "build_metadata.AdditionalFiles.";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var requests = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ToRequest(pair.Left, pair.Right.GetOptions(pair.Left)))
            .Where(static r => r is not null)
            .Select(static (r, _) => r!);

        var generated = requests.Select(static (request, ct) => Generate(request, ct));

        context.RegisterSourceOutput(generated, static (spc, service) =>
        {
            foreach (var d in service.Diagnostics)
            {
                var descriptor = Diagnostics.Find(d.Id);
                var location = Location.Create(d.Path, default, default);
                spc.ReportDiagnostic(descriptor.Id == Diagnostics.UnknownOperation.Id
                    ? Diagnostic.Create(descriptor, location, d.Message)
                    : Diagnostic.Create(descriptor, location, d.Path, d.Message));
            }
            if (service.Source is { } source)
            {
                spc.AddSource(service.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });

        // The shared conversions, once, as soon as any service is named.
        context.RegisterSourceOutput(requests.Collect(), static (spc, all) =>
        {
            if (all.Length > 0)
            {
                spc.AddSource(Helpers.HintName, SourceText.From(Helpers.Source, System.Text.Encoding.UTF8));
            }
        });
    }

    private static ServiceRequest? ToRequest(AdditionalText file, AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(Metadata + "StratusService", out var service))
        {
            return null;
        }
        options.TryGetValue(Metadata + "StratusOperations", out var operations);
        options.TryGetValue(Metadata + "StratusNamespace", out var ns);
        options.TryGetValue(Metadata + "StratusClientName", out var clientName);
        // The targets join the item's list with ',' (a ';' would start a comment in the editorconfig the metadata travels through).
        var names = (operations ?? "").Split(new[] { ',', ';', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
        return new ServiceRequest(file, service.Trim(), names, string.IsNullOrWhiteSpace(ns) ? null : ns, string.IsNullOrWhiteSpace(clientName) ? null : clientName);
    }

    /// <summary>Reads the model and writes the service's source (or the diagnostics saying why not).</summary>
    internal static GeneratedService Generate(ServiceRequest request, CancellationToken cancellationToken)
    {
        // The namespace and client name are part of the hint: one service may be generated twice under different names.
        var hint = "Stratus.Typed." + Names.Identifier(request.Service.Length == 0 ? "service" : request.Service)
            + (request.Namespace is { } ns ? "." + Names.Identifier(ns.Replace('.', '_')) : "")
            + (request.ClientName is { } client ? "." + Names.Identifier(client) : "") + ".g.cs";
        var diagnostics = new List<DiagnosticInfo>();
        if (request.Service.Length == 0)
        {
            diagnostics.Add(new DiagnosticInfo(Diagnostics.NoService.Id, request.Path, ""));
            return new GeneratedService(hint, null, diagnostics);
        }
        ServiceDef model;
        try
        {
            model = ServiceDef.Parse(ModelFile.Read(request.File, cancellationToken));
        }
        catch (NotSupportedException e)
        {
            diagnostics.Add(new DiagnosticInfo(Diagnostics.NoBrotli.Id, request.Path, e.Message));
            return new GeneratedService(hint, null, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or System.Reflection.TargetInvocationException)
        {
            diagnostics.Add(new DiagnosticInfo(Diagnostics.ModelUnreadable.Id, request.Path, e.Message));
            return new GeneratedService(hint, null, diagnostics);
        }
        var source = ServiceEmitter.Emit(model, request, diagnostics, cancellationToken);
        return new GeneratedService(hint, source, diagnostics.ToImmutableArray());
    }
}
