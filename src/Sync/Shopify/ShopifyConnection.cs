using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// One page of a GraphQL connection read as <c>{ nodes { … } pageInfo { hasNextPage endCursor } }</c>;
/// <see cref="NextCursor"/> is null on the last page.
/// </summary>
internal sealed record ShopifyConnection(IReadOnlyList<JsonObject> Nodes, string? NextCursor)
{
    public static ShopifyConnection Read(JsonNode? connection, string path)
    {
        if (connection is not JsonObject fields || fields["nodes"] is not JsonArray nodes)
        {
            throw new StoreApiException(StoreApiErrorKind.Protocol, $"Shopify's answer has no {path}.nodes.");
        }

        var pageInfo = fields["pageInfo"];
        var hasNextPage = pageInfo?["hasNextPage"]?.GetValue<bool>() ?? false;
        var endCursor = pageInfo?["endCursor"]?.GetValue<string>();
        if (hasNextPage && string.IsNullOrEmpty(endCursor))
        {
            throw new StoreApiException(StoreApiErrorKind.Protocol, $"Shopify's answer says {path} has another page but gives no cursor for it.");
        }

        return new ShopifyConnection(nodes.OfType<JsonObject>().ToList(), hasNextPage ? endCursor : null);
    }

    /// <summary>A page size Shopify accepts for <c>first</c>.</summary>
    public static int PageSize(int first) =>
        first is >= 1 and <= ShopifyOptions.MaxPageSize
            ? first
            : throw new ArgumentOutOfRangeException(nameof(first), first, $"Shopify pages hold 1 to {ShopifyOptions.MaxPageSize} items.");

    /// <summary>Every node of a connection, asking for page after page from the first.</summary>
    public static async IAsyncEnumerable<JsonObject> AllAsync(
        Func<string?, CancellationToken, Task<ShopifyConnection>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var current = await page(cursor, cancellationToken);
            foreach (var node in current.Nodes)
            {
                yield return node;
            }

            cursor = current.NextCursor;
        }
        while (cursor is not null);
    }
}
