using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    /// <summary>The paginator of an operation, or null when the operation does not page.</summary>
    public Paginator? GetPaginator(string operation)
    {
        var name = Operation(operation).Name;
        return _paginators.GetOrAdd(name, n => Paginator.From(_models.LoadPaginators(Model.Name), n));
    }

    /// <summary>Calls a paging operation page after page, following its continuation tokens.</summary>
    /// <exception cref="ClientException">The operation does not page.</exception>
    public async IAsyncEnumerable<JsonObject> PaginateAsync(string operation, JsonObject? input = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (op, paginator) = Pager(operation);
        JsonObject? next = input ?? [];
        while (next is not null)
        {
            var page = await InvokeAsync(op, next, async: true, cancellationToken).ConfigureAwait(false);
            yield return page;
            next = paginator.NextInput(next, page);
        }
    }

    /// <summary>Calls a paging operation page after page, synchronously.</summary>
    /// <exception cref="ClientException">The operation does not page.</exception>
    public IEnumerable<JsonObject> Paginate(string operation, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var (op, paginator) = Pager(operation);
        JsonObject? next = input ?? [];
        while (next is not null)
        {
            var task = InvokeAsync(op, next, async: false, cancellationToken);
            var page = task.IsCompleted ? task.Result : throw new InvalidOperationException("A synchronous call did not complete synchronously.");
            yield return page;
            next = paginator.NextInput(next, page);
        }
    }

    /// <summary>Yields the result items (the paginator's result keys) across all pages.</summary>
    public async IAsyncEnumerable<JsonNode?> PaginateItemsAsync(string operation, JsonObject? input = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (_, paginator) = Pager(operation);
        await foreach (var page in PaginateAsync(operation, input, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in paginator.Items(page))
            {
                yield return item;
            }
        }
    }

    /// <summary>Yields the result items across all pages, synchronously.</summary>
    public IEnumerable<JsonNode?> PaginateItems(string operation, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var (_, paginator) = Pager(operation);
        foreach (var page in Paginate(operation, input, cancellationToken))
        {
            foreach (var item in paginator.Items(page))
            {
                yield return item;
            }
        }
    }

    private (Models.OperationModel, Paginator) Pager(string operation)
    {
        var op = Operation(operation);
        var paginator = GetPaginator(op.Name) ?? throw new ClientException(ClientErrorKind.Unsupported,
            $"{Model.Name}.{op.Name} does not page.") { Service = Model.Name, Operation = op.Name };
        return (op, paginator);
    }
}
