using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;
using Stratus.Protocols.Xml;

namespace Stratus.Protocols.Query;

/// <summary>
/// What the query and ec2 server sides share: the operation is the form's <c>Action</c> (a POST body or the
/// query string), exactly by its model name; the input is read back from the form's fields by
/// <see cref="QueryFormReader"/>. A request with no <c>Action</c>, or one the model does not have, finds no
/// operation (null, as <see cref="IServerProtocol.FindOperation"/> says); the server answers it, as AWS does,
/// with <c>InvalidAction</c> (400).
/// </summary>
internal abstract class FormServerProtocol : IServerProtocol
{
    private readonly QueryFormReader _form;

    /// <summary>Creates the protocol with the reader of its field names.</summary>
    protected FormServerProtocol(QueryFormReader form) => _form = form;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    /// <exception cref="ProtocolReadException">The form is malformed (<c>MalformedQueryString</c>).</exception>
    public OperationModel? FindOperation(ServiceModel service, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (key, action) in QueryFormReader.Fields(request))
        {
            if (key == "Action")
            {
                // Exact names only: the model's snake_case aliases are for callers, not for the wire.
                return service.TryGetOperation(action, out var operation) && operation.Name == action ? operation : null;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public JsonObject ParseRequest(OperationModel operation, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _form.Read(operation.Input, QueryFormReader.Fields(request));
    }

    /// <inheritdoc />
    public abstract ServerResponse SerializeResponse(OperationModel operation, JsonObject output);

    /// <inheritdoc />
    public abstract ServerResponse SerializeError(ServiceModel service, OperationModel? operation, ServiceError error);

    /// <summary>A response with an XML body and its request id in <c>x-amzn-RequestId</c>.</summary>
    protected static ServerResponse XmlResponse(int statusCode, string requestId, StringBuilder xml, string contentType)
    {
        var response = new ServerResponse { StatusCode = statusCode };
        response.Headers["x-amzn-RequestId"] = requestId;
        XmlServerWriter.SetBody(response, xml, contentType);
        return response;
    }
}
