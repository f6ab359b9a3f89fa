using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stratus.Generators.Model;

namespace Stratus.Generators.Emit;

/// <summary>
/// Writes one service's typed view: a record per structure the named operations reach, a string-backed
/// record struct per enum, an exception per modeled error, and the typed client (async and sync methods,
/// paginators). Only the named operations and the shapes they reach are visited, so EC2's 800 operations
/// cost nothing unless named.
/// </summary>
internal sealed class ServiceEmitter
{
    private const string H = Helpers.TypeName;
    private const string JsonObject = "global::System.Text.Json.Nodes.JsonObject";
    private const string JsonNode = "global::System.Text.Json.Nodes.JsonNode";
    private const string Ct = "global::System.Threading.CancellationToken";
    private const string ServiceException = "global::Stratus.Client.ServiceException";

    // Members every record or exception already has (or that the generated code adds).
    private static readonly string[] s_recordMembers = { "Native", "FromNative", "ToNative", "Read", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct", "Clone", "MemberwiseClone", "Finalize" };
    private static readonly string[] s_exceptionMembers = { "Message", "Data", "Source", "HelpLink", "HResult", "InnerException", "StackTrace", "TargetSite", "StatusCode", "ErrorCode", "ErrorMessage", "ErrorShape", "RequestId", "Error", "IsRetryable", "Service", "Operation", "GetType", "ToString", "GetBaseException", "GetObjectData", "Equals", "GetHashCode", "SerializeObjectState", "MemberwiseClone", "Finalize" };

    private readonly ServiceDef _model;
    private readonly string _service;
    private readonly string _namespace;
    private readonly string _client;
    private readonly string _errors;
    private readonly List<string> _structures = new();
    private readonly List<string> _enums = new();
    private readonly List<string> _exceptions = new();
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _qualified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _exceptionNames = new(StringComparer.Ordinal);
    private readonly List<string> _operations = new();
    private readonly TypeMap _types;
    private readonly CodeWriter _w = new();

    private ServiceEmitter(ServiceDef model, ServiceRequest request, List<string> operations)
    {
        _model = model;
        _service = request.Service;
        var prefix = Prefix(model.ServiceId.Length > 0 ? model.ServiceId : request.Service);
        _namespace = string.IsNullOrWhiteSpace(request.Namespace) ? "Stratus.Typed." + prefix : request.Namespace!.Trim();
        _client = string.IsNullOrWhiteSpace(request.ClientName) ? prefix + "Client" : Names.Identifier(request.ClientName!.Trim());
        _errors = _client + "Errors";
        _operations = operations;
        Reach();
        var scope = new NameScope(new[] { _client, _errors });
        foreach (var s in _structures.Concat(_enums))
        {
            _typeNames[s] = scope.Take(Names.Identifier(s), "Shape");
            // Referenced fully qualified: a member named like its type (BillingMode BillingMode) would otherwise hide it.
            _qualified[s] = "global::" + _namespace + "." + _typeNames[s];
        }
        foreach (var e in _exceptions)
        {
            var id = Names.Identifier(e);
            _exceptionNames[e] = scope.Take(id.EndsWith("Exception", StringComparison.Ordinal) ? id : id + "Exception", "Error");
        }
        _types = new TypeMap(model, _qualified);
        foreach (var st in _structures)
        {
            _plans[st] = PlanMembers(_model.Shape(st)!, _typeNames[st], s_recordMembers, skipMessage: false);
        }
        foreach (var e in _exceptions)
        {
            _exceptionPlans[e] = PlanMembers(_model.Shape(e)!, _exceptionNames[e], s_exceptionMembers, skipMessage: true);
        }
    }

    private readonly Dictionary<string, List<(MemberDef Member, string Property, bool Required)>> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(MemberDef Member, string Property, bool Required)>> _exceptionPlans = new(StringComparer.Ordinal);

    /// <summary>The generated source, and problems worth a diagnostic (unknown operation names).</summary>
    public static string Emit(ServiceDef model, ServiceRequest request, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var operations = SelectOperations(model, request, diagnostics);
        var emitter = new ServiceEmitter(model, request, operations);
        return emitter.Write(cancellationToken);
    }

    /// <summary>The type-name prefix for a service: its serviceId in Pascal case (<c>DynamoDB</c>, <c>EC2</c>, <c>APIGateway</c>).</summary>
    public static string Prefix(string serviceId)
    {
        var parts = serviceId.Split(new[] { ' ', '-', '.', '_' }, StringSplitOptions.RemoveEmptyEntries);
        return Names.Identifier(string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1))));
    }

    private static List<string> SelectOperations(ServiceDef model, ServiceRequest request, List<DiagnosticInfo> diagnostics)
    {
        var all = model.Operations.Members.Select(m => m.Key).ToList();
        if (request.Operations.Count == 0)
        {
            return all;
        }
        var byFold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var op in all)
        {
            byFold[Fold(op)] = op;
        }
        var chosen = new List<string>();
        foreach (var wanted in request.Operations)
        {
            if (byFold.TryGetValue(Fold(wanted), out var op))
            {
                if (!chosen.Contains(op))
                {
                    chosen.Add(op);
                }
                continue;
            }
            var folded = Fold(wanted);
            var close = all.Where(o => Fold(o).Contains(folded) || folded.Contains(Fold(o))).Take(5).ToList();
            diagnostics.Add(new DiagnosticInfo(Diagnostics.UnknownOperation.Id, request.Path,
                $"{request.Service} has no operation '{wanted}'{(close.Count > 0 ? "; did you mean " + string.Join(", ", close) + "?" : "")}"));
        }
        return chosen;
    }

    // GetObject, get_object and get-object name the same operation (the runtime accepts all three).
    private static string Fold(string name) => new string(name.Where(c => c != '_' && c != '-').Select(char.ToLowerInvariant).ToArray());

    private void Reach()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        void Visit(string? name)
        {
            if (name is not null && seen.Add(name))
            {
                queue.Enqueue(name);
            }
        }
        foreach (var op in _operations)
        {
            var def = _model.Operations.Obj(op);
            Visit(def?.Obj("input")?.Str("shape"));
            Visit(def?.Obj("output")?.Str("shape"));
        }
        // Every modeled error, not only those an operation lists: services answer with unlisted ones too
        // (S3's NoSuchBucket from GetObject), and a typed exception is cheap.
        foreach (var name in _model.ShapeNames)
        {
            if (_model.Shape(name) is { Exception: true } error)
            {
                _exceptions.Add(name);
                foreach (var m in error.Members)
                {
                    Visit(m.Shape);
                }
            }
        }
        while (queue.Count > 0)
        {
            var shape = _model.Shape(queue.Dequeue());
            if (shape is null)
            {
                continue;
            }
            switch (shape.Type)
            {
                case "structure" when !shape.EventStream && !shape.Document:
                    _structures.Add(shape.Name);
                    foreach (var m in shape.Members)
                    {
                        Visit(m.Shape);
                    }
                    break;
                case "list":
                    Visit(shape.ListMember);
                    break;
                case "map":
                    Visit(shape.MapValue);
                    break;
                case "string" when shape.Enum is not null:
                    _enums.Add(shape.Name);
                    break;
            }
        }
    }

    private string Write(CancellationToken cancellationToken)
    {
        _w.Line($"// <auto-generated/> by Stratus.Generators from the {_service} model ({_operations.Count} operation(s)).");
        _w.Line("#nullable enable");
        _w.Open($"namespace {_namespace}");
        WriteClient();
        WriteErrorMap();
        foreach (var s in _structures)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRecord(_model.Shape(s)!);
        }
        foreach (var e in _enums)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteEnum(_model.Shape(e)!);
        }
        foreach (var e in _exceptions)
        {
            WriteException(_model.Shape(e)!);
        }
        _w.Close();
        return _w.ToString();
    }

    private bool HasRequired(string? shapeName) => shapeName is not null && _model.Shape(shapeName) is { } s && s.Required.Count > 0;

    private string? StructureType(string? shapeName) =>
        shapeName is not null && _qualified.TryGetValue(shapeName, out var t) ? t : null;

    private void WriteClient()
    {
        var members = new NameScope(new[] { _client, "Native", "Dispose", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" });
        _w.Summary($"A typed client for {Names.Xml(_model.FullName)} (<c>{_service}</c>) over a <see cref=\"global::Stratus.Client.ServiceClient\"/>, generated from its model. Thread-safe.");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Stratus.Generators\", \"1.0\")]");
        _w.Open($"public sealed partial class {_client} : global::System.IDisposable");
        _w.Line("private readonly bool _ownsNative;");
        _w.Line();
        _w.Summary($"Connects to <c>{_service}</c> (the client owns its connection and disposes it).");
        _w.Open($"public {_client}(global::Stratus.Client.ClientOptions options)");
        _w.Line($"Native = new global::Stratus.Client.ServiceClient({Names.Literal(_service)}, options);");
        _w.Line("_ownsNative = true;");
        _w.Close();
        _w.Line();
        _w.Summary($"Wraps an existing <c>{_service}</c> client (which the caller keeps owning).");
        _w.Line("/// <exception cref=\"global::System.ArgumentException\">The client is for another service.</exception>");
        _w.Open($"public {_client}(global::Stratus.Client.ServiceClient native)");
        _w.Line("global::System.ArgumentNullException.ThrowIfNull(native);");
        _w.Line($"if (native.Model.Name != {Names.Literal(_service)})");
        _w.Line("{");
        _w.Line($"    throw new global::System.ArgumentException($\"{_client} needs a '{_service}' client, not '{{native.Model.Name}}'.\", nameof(native));");
        _w.Line("}");
        _w.Line("Native = native;");
        _w.Close();
        _w.Line();
        _w.Summary("The untyped client: every operation, native data in and out.");
        _w.Line("public global::Stratus.Client.ServiceClient Native { get; }");
        _w.Line();
        _w.Summary("Disposes the untyped client when this client created it.");
        _w.Open("public void Dispose()");
        _w.Line("if (_ownsNative)");
        _w.Line("{");
        _w.Line("    Native.Dispose();");
        _w.Line("}");
        _w.Close();
        foreach (var op in _operations)
        {
            WriteOperation(op, members);
        }
        _w.Close();
        _w.Line();
    }

    private void WriteOperation(string op, NameScope members)
    {
        var def = _model.Operations.Obj(op)!;
        var input = StructureType(def.Obj("input")?.Str("shape"));
        var outputShape = def.Obj("output")?.Str("shape");
        var output = StructureType(outputShape);
        var id = Names.Identifier(op);
        var asyncName = members.Take(id + "Async", "Operation");
        var syncName = members.Take(id, "Operation");
        var optional = input is not null && !HasRequired(def.Obj("input")?.Str("shape"));
        var parameter = input is null ? "" : optional ? $"{input}? request = null, " : $"{input} request, ";
        var args = input is null ? "null" : optional ? $"(request ?? new {input}()).ToNative()" : "request.ToNative()";
        var result = output ?? JsonObject;
        var convert = output is null ? "result" : $"{output}.FromNative(result)";
        var returns = output is null ? "The native result (the operation models no output)." : "The typed result; its <c>Native</c> holds the native one.";
        var errors = _exceptions.Count > 0;

        foreach (var isAsync in new[] { true, false })
        {
            _w.Line();
            _w.Summary($"Calls <c>{op}</c>{(isAsync ? "" : " synchronously (the same code path, no sync-over-async)")}.");
            if (input is not null)
            {
                _w.Line($"/// <param name=\"request\">The input{(optional ? " (optional: no member is required)" : "")}.</param>");
            }
            _w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            _w.Line($"/// <returns>{returns}</returns>");
            _w.Line("/// <exception cref=\"global::Stratus.Client.ServiceException\">The service answered with an error; a modeled one as its typed subclass.</exception>");
            _w.Line("/// <exception cref=\"global::Stratus.Client.ClientException\">Bad input, an unreadable response, or a transport failure.</exception>");
            var signature = isAsync
                ? $"public async global::System.Threading.Tasks.Task<{result}> {asyncName}({parameter}{Ct} cancellationToken = default)"
                : $"public {result} {syncName}({parameter}{Ct} cancellationToken = default)";
            _w.Open(signature);
            if (input is not null && !optional)
            {
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            }
            var call = isAsync
                ? $"await Native.CallAsync({Names.Literal(op)}, {args}, cancellationToken).ConfigureAwait(false)"
                : $"Native.Call({Names.Literal(op)}, {args}, cancellationToken)";
            if (errors)
            {
                _w.Line($"{JsonObject} result;");
                _w.Line("try");
                _w.Line("{");
                _w.Line($"    result = {call};");
                _w.Line("}");
                _w.Line($"catch ({ServiceException} e) when ({_errors}.Typed(e) is {{ }} typed)");
                _w.Line("{");
                _w.Line("    throw typed;");
                _w.Line("}");
            }
            else
            {
                _w.Line($"var result = {call};");
            }
            _w.Line($"return {convert};");
            _w.Close();
        }

        if (_model.Pagination.Obj(op) is { } paging && output is not null)
        {
            WritePaginator(op, id, input, optional, output, outputShape!, paging, members);
        }
    }

    private void WritePaginator(string op, string id, string? input, bool optional, string output, string outputShape, JsonObj paging, NameScope members)
    {
        var parameter = input is null ? "" : optional ? $"{input}? request = null, " : $"{input} request, ";
        var args = input is null ? "null" : optional ? $"(request ?? new {input}()).ToNative()" : "request.ToNative()";
        var pass = input is null ? "" : "request, ";
        var pagesAsync = members.Take(id + "PagesAsync", "Operation");
        var pages = members.Take(id + "Pages", "Operation");
        foreach (var isAsync in new[] { true, false })
        {
            _w.Line();
            _w.Summary($"Calls <c>{op}</c> page after page{(isAsync ? "" : ", synchronously")}, following the model's continuation tokens.");
            if (input is not null)
            {
                _w.Line("/// <param name=\"request\">The input of the first page.</param>");
            }
            _w.Line("/// <param name=\"cancellationToken\">Cancels the calls.</param>");
            if (isAsync)
            {
                _w.Open($"public async global::System.Collections.Generic.IAsyncEnumerable<{output}> {pagesAsync}({parameter}[global::System.Runtime.CompilerServices.EnumeratorCancellation] {Ct} cancellationToken = default)");
            }
            else
            {
                _w.Open($"public global::System.Collections.Generic.IEnumerable<{output}> {pages}({parameter}{Ct} cancellationToken = default)");
            }
            if (input is not null && !optional)
            {
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            }
            _w.Line(isAsync
                ? $"var pages = Native.PaginateAsync({Names.Literal(op)}, {args}, cancellationToken).GetAsyncEnumerator(cancellationToken);"
                : $"var pages = Native.Paginate({Names.Literal(op)}, {args}, cancellationToken).GetEnumerator();");
            _w.Line("try");
            _w.Line("{");
            _w.Line("    while (true)");
            _w.Line("    {");
            // A yield cannot sit in a try that has a catch: the step that may throw is wrapped on its own.
            _w.Line("        bool more;");
            if (_exceptions.Count > 0)
            {
                _w.Line("        try");
                _w.Line("        {");
                _w.Line(isAsync ? "            more = await pages.MoveNextAsync().ConfigureAwait(false);" : "            more = pages.MoveNext();");
                _w.Line("        }");
                _w.Line($"        catch ({ServiceException} e) when ({_errors}.Typed(e) is {{ }} typed)");
                _w.Line("        {");
                _w.Line("            throw typed;");
                _w.Line("        }");
            }
            else
            {
                _w.Line(isAsync ? "        more = await pages.MoveNextAsync().ConfigureAwait(false);" : "        more = pages.MoveNext();");
            }
            _w.Line("        if (!more)");
            _w.Line("        {");
            _w.Line("            yield break;");
            _w.Line("        }");
            _w.Line($"        yield return {output}.FromNative(pages.Current);");
            _w.Line("    }");
            _w.Line("}");
            _w.Line("finally");
            _w.Line("{");
            _w.Line(isAsync ? "    await pages.DisposeAsync().ConfigureAwait(false);" : "    pages.Dispose();");
            _w.Line("}");
            _w.Close();
        }

        // Items across pages, for each result key that is a plain list member of the output.
        var keys = paging.Strings("result_key");
        var outputDef = _model.Shape(outputShape)!;
        foreach (var key in keys)
        {
            var member = outputDef.Members.FirstOrDefault(m => m.Name == key);
            if (member is null || _model.Shape(member.Shape) is not { Type: "list", ListMember: { } item })
            {
                continue;
            }
            var itemType = _types.TypeOf(item).Type;
            var property = _memberNames.TryGetValue((outputShape, key), out var p) ? p : Names.Identifier(key);
            var stem = keys.Count == 1 ? id + "Items" : id + Names.Identifier(key);
            var itemsAsync = members.Take(stem + "Async", "Operation");
            var items = members.Take(stem, "Operation");
            foreach (var isAsync in new[] { true, false })
            {
                _w.Line();
                _w.Summary($"Yields every <c>{key}</c> item of <c>{op}</c> across all pages{(isAsync ? "" : ", synchronously")}.");
                if (input is not null)
                {
                    _w.Line("/// <param name=\"request\">The input of the first page.</param>");
                }
                _w.Line("/// <param name=\"cancellationToken\">Cancels the calls.</param>");
                if (isAsync)
                {
                    _w.Open($"public async global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {itemsAsync}({parameter}[global::System.Runtime.CompilerServices.EnumeratorCancellation] {Ct} cancellationToken = default)");
                    // Called as a static method: generated code cannot count on the project's usings for the extension.
                    _w.Open($"await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({pagesAsync}({pass}cancellationToken), false))");
                }
                else
                {
                    _w.Open($"public global::System.Collections.Generic.IEnumerable<{itemType}> {items}({parameter}{Ct} cancellationToken = default)");
                    _w.Open($"foreach (var page in {pages}({pass}cancellationToken))");
                }
                _w.Open($"if (page.{property} is {{ }} list)");
                _w.Open("foreach (var item in list)");
                _w.Line("yield return item;");
                _w.Close();
                _w.Close();
                _w.Close();
                _w.Close();
            }
        }
    }

    // Property names chosen per (shape, member), so the paginator code can name the list it flattens.
    private readonly Dictionary<(string Shape, string Member), string> _memberNames = new();

    private List<(MemberDef Member, string Property, bool Required)> PlanMembers(ShapeDef shape, string typeName, string[] reserved, bool skipMessage)
    {
        // Structures shared by several paths are planned once; _memberNames records the record's names (exceptions plan separately).
        var scope = new NameScope(reserved);
        scope.Reserve(typeName);
        var plan = new List<(MemberDef, string, bool)>();
        foreach (var m in shape.Members)
        {
            if (skipMessage && string.Equals(m.Name, "message", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var property = scope.Take(Names.Identifier(m.Name), "Value");
            if (!skipMessage)
            {
                _memberNames[(shape.Name, m.Name)] = property;
            }
            plan.Add((m, property, shape.Required.Contains(m.Name)));
        }
        return plan;
    }

    private bool Sensitive(MemberDef member) => member.Sensitive || _model.Shape(member.Shape) is { Sensitive: true };

    private void WriteRecord(ShapeDef shape)
    {
        var name = _typeNames[shape.Name];
        var plan = _plans[shape.Name];
        _w.Summary($"The <c>{Names.Xml(shape.Name)}</c> structure of {Names.Xml(_model.FullName)}. A member the model does not require is nullable: null means absent.");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Stratus.Generators\", \"1.0\")]");
        _w.Open($"public sealed partial record {name}");
        foreach (var (m, property, required) in plan)
        {
            var (type, _) = _types.TypeOf(m.Shape, m.Streaming);
            _w.Summary($"<c>{Names.Xml(m.Name)}</c>{(required ? " (required)" : "")}{(Sensitive(m) ? "; sensitive: never printed" : "")}.");
            _w.Line(required ? $"public required {type} {property} {{ get; init; }}" : $"public {type}? {property} {{ get; init; }}");
            _w.Line();
        }
        _w.Summary("The native data this was read from: every member the service sent, modeled or not. Null when built in code.");
        _w.Line($"public {JsonObject}? Native {{ get; init; }}");
        _w.Line();

        _w.Summary("Reads the structure from native data (a result of <see cref=\"global::Stratus.Client.ServiceClient\"/>).");
        _w.Line("/// <exception cref=\"global::Stratus.Client.ClientException\">A member the model requires has no usable value.</exception>");
        _w.Open($"public static {name} FromNative({JsonObject} native)");
        _w.Line("global::System.ArgumentNullException.ThrowIfNull(native);");
        _w.Line($"return new {name}");
        _w.Line("{");
        foreach (var (m, property, required) in plan)
        {
            var read = _types.Read(m.Shape, $"native[{Names.Literal(m.Name)}]", 0, m.Streaming);
            if (required)
            {
                var isValue = _types.TypeOf(m.Shape, m.Streaming).IsValue;
                read = $"{H}.{(isValue ? "NeedVal" : "NeedRef")}({read}, {Names.Literal(shape.Name)}, {Names.Literal(m.Name)})";
            }
            _w.Line($"    {property} = {read},");
        }
        _w.Line("    Native = native,");
        _w.Line("};");
        _w.Close();
        _w.Line();
        _w.Line($"internal static {name}? Read({JsonNode}? node) => node is {JsonObject} o ? FromNative(o) : null;");
        _w.Line();

        _w.Summary("Writes the structure as native data, the form <see cref=\"global::Stratus.Client.ServiceClient\"/> takes.");
        _w.Open($"public {JsonObject} ToNative()");
        _w.Line($"var native = new {JsonObject}();");
        var i = 0;
        foreach (var (m, property, required) in plan)
        {
            var (_, isValue) = _types.TypeOf(m.Shape, m.Streaming);
            var key = Names.Literal(m.Name);
            if (required && isValue)
            {
                _w.Line($"{H}.Set(native, {key}, {_types.Write(m.Shape, property, 0, m.Streaming)});");
                continue;
            }
            var v = "v" + (i++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _w.Line($"if ({property} is {{ }} {v})");
            _w.Line("{");
            _w.Line($"    {H}.Set(native, {key}, {_types.Write(m.Shape, v, 0, m.Streaming)});");
            _w.Line("}");
        }
        _w.Line("return native;");
        _w.Close();
        _w.Line();

        // Records print every member by default: this one leaves out Native and never prints a sensitive value.
        _w.Open("private bool PrintMembers(global::System.Text.StringBuilder builder)");
        var first = true;
        foreach (var (m, property, _) in plan)
        {
            _w.Line($"builder.Append({Names.Literal((first ? "" : ", ") + property + " = ")});");
            _w.Line($"{H}.Show(builder, {property}, {(Sensitive(m) ? "true" : "false")});");
            first = false;
        }
        _w.Line(plan.Count > 0 ? "return true;" : "return false;");
        _w.Close();
        _w.Close();
        _w.Line();
    }

    private void WriteEnum(ShapeDef shape)
    {
        var name = _typeNames[shape.Name];
        var scope = new NameScope(new[] { name, "Value", "IsKnown", "KnownValues", "Read", "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "Deconstruct", "PrintMembers" });
        var values = shape.Enum!.Select(v => (Value: v, Name: scope.Take(Names.EnumMember(v), "Value"))).ToList();
        _w.Summary($"The <c>{Names.Xml(shape.Name)}</c> values of {Names.Xml(_model.FullName)}: a string, so a value newer than this model still round-trips. The known ones are static properties.");
        _w.Line("/// <param name=\"Value\">The value as the service spells it.</param>");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Stratus.Generators\", \"1.0\")]");
        _w.Open($"public readonly partial record struct {name}(string Value)");
        foreach (var (value, member) in values)
        {
            _w.Summary($"<c>{Names.Xml(value)}</c>.");
            _w.Line($"public static {name} {member} {{ get; }} = new({Names.Literal(value)});");
            _w.Line();
        }
        _w.Summary("Every value the model knows.");
        _w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", values.Select(v => v.Name))} }};");
        _w.Line();
        _w.Summary("Whether the model knows this value.");
        _w.Open("public bool IsKnown");
        _w.Open("get");
        _w.Open("switch (Value)");
        foreach (var (value, _) in values)
        {
            _w.Line($"case {Names.Literal(value)}:");
        }
        _w.Line("    return true;");
        _w.Line("default:");
        _w.Line("    return false;");
        _w.Close();
        _w.Close();
        _w.Close();
        _w.Line();
        _w.Summary("Any string converts, known or not.");
        _w.Line($"public static implicit operator {name}(string value) => new(value);");
        _w.Line();
        _w.Summary("The value as the service spells it.");
        _w.Line("public override string ToString() => Value ?? \"\";");
        _w.Line();
        _w.Line($"internal static {name}? Read({JsonNode}? node) => {H}.Str(node) is {{ }} s ? new {name}(s) : default({name}?);");
        _w.Close();
        _w.Line();
    }

    private void WriteException(ShapeDef shape)
    {
        var name = _exceptionNames[shape.Name];
        var plan = _exceptionPlans[shape.Name];
        _w.Summary($"The modeled error <c>{Names.Xml(shape.Name)}</c> of {Names.Xml(_model.FullName)}; <c>catch (ServiceException)</c> still catches it.");
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Stratus.Generators\", \"1.0\")]");
        _w.Open($"public sealed partial class {name} : {ServiceException}");
        _w.Summary("Types an untyped error (its error document is read into the modeled members).");
        _w.Line($"/// <param name=\"error\">The untyped error.</param>");
        _w.Line($"public {name}({ServiceException} error)");
        _w.Line($"    : base({H}.Arg(error, nameof(error)).Service ?? \"\", error.Operation ?? \"\", error.StatusCode, error.ErrorCode, error.ErrorMessage, error.RequestId, error.Error, error.IsRetryable)");
        _w.Line("{");
        _w.Line($"    ErrorShape = error.ErrorShape ?? {Names.Literal(shape.Name)};");
        _w.Line("}");
        _w.Line();
        foreach (var (m, property, _) in plan)
        {
            var (type, _) = _types.TypeOf(m.Shape, m.Streaming);
            _w.Summary($"The error's <c>{Names.Xml(m.Name)}</c> member.");
            _w.Line($"public {type}? {property} => {_types.Read(m.Shape, $"Error[{Names.Literal(m.Name)}]", 0, m.Streaming)};");
            _w.Line();
        }
        _w.Close();
        _w.Line();
    }

    private void WriteErrorMap()
    {
        if (_exceptions.Count == 0)
        {
            return;
        }
        _w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Stratus.Generators\", \"1.0\")]");
        _w.Open($"internal static class {_errors}");
        _w.Line("/// <summary>The typed exception for a modeled error, or null (the error stays untyped).</summary>");
        _w.Open($"internal static {ServiceException}? Typed({ServiceException} e)");
        _w.Line($"if (e.GetType() != typeof({ServiceException}))");
        _w.Line("{");
        _w.Line("    return null;");
        _w.Line("}");
        // The matched shape first (it does not vary with the protocol), then the wire code.
        _w.Open("switch (e.ErrorShape ?? e.ErrorCode)");
        var cases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in _exceptions)
        {
            if (cases.Add(error))
            {
                _w.Line($"case {Names.Literal(error)}:");
                _w.Line($"    return new {_exceptionNames[error]}(e);");
            }
        }
        foreach (var error in _exceptions)
        {
            if (_model.Shape(error)!.ErrorCode is { } code && cases.Add(code))
            {
                _w.Line($"case {Names.Literal(code)}:");
                _w.Line($"    return new {_exceptionNames[error]}(e);");
            }
        }
        _w.Line("default:");
        _w.Line("    return null;");
        _w.Close();
        _w.Close();
        _w.Close();
        _w.Line();
    }
}
