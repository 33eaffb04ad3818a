using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// A Shopify shop as <see cref="IStoreClient"/>: GraphQL documents from Operations/, answers mapped to the
/// canonical model. Ids in and out are Shopify's numeric ids (a gid is accepted too); topics are the header spelling.
/// </summary>
public sealed class ShopifyStoreClient : IStoreClient
{
    // Pages of lines keep Order.graphql's and Refund.graphql's requested costs under Shopify's single-query limit of 1000.
    private const int LineItemsPerPage = 25;
    private const int RefundLineItemsPerPage = 50;

    private readonly ShopifyOptions options;

    internal ShopifyStoreClient(ShopifyGraphQlClient graphQl, ShopifyOptions options)
    {
        GraphQl = graphQl;
        this.options = options;
        Inventory = new ShopifyInventory(graphQl);
        Catalogue = new ShopifyCatalogue(graphQl);
        Fulfilments = new ShopifyFulfilments(graphQl);
    }

    public ShopifyGraphQlClient GraphQl { get; }

    public IStoreInventory Inventory { get; }

    public IStoreCatalogue Catalogue { get; }

    public IStoreFulfilments Fulfilments { get; }

    public async Task<StoreDescription> DescribeAsync(CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.Shop, [], cancellationToken);
        var shop = data["shop"] ?? throw ShopifyErrors.NotUnderstood(GraphQl.Shop, ShopifyOperations.Shop.Name, "no shop");
        var scopes = data["currentAppInstallation"]?["accessScopes"]?.AsArray()
            .Select(scope => scope?["handle"]?.GetValue<string>())
            .OfType<string>()
            .ToList() ?? [];
        return new StoreDescription(
            shop["name"]?.GetValue<string>() ?? GraphQl.Shop.Domain,
            shop["currencyCode"]?.GetValue<string>() ?? "",
            shop["plan"]?["publicDisplayName"]?.GetValue<string>(),
            scopes,
            GraphQl.Throttle is { } bucket ? (int)bucket.CurrentlyAvailable : null);
    }

    public async Task<StorePage<CommerceOrder>> OrdersChangedSinceAsync(DateTimeOffset since, string? pageCursor, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.OrdersChangedSince, new JsonObject
        {
            ["first"] = ShopifyConnection.PageSize(options.OrdersPageSize),
            ["after"] = pageCursor,
            ["query"] = string.Create(CultureInfo.InvariantCulture, $"updated_at:>='{since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'"),
        }, cancellationToken);
        var page = ShopifyConnection.Read(data["orders"], "orders");
        return new StorePage<CommerceOrder>(await FetchOrdersAsync(page.Nodes, "OrdersChangedSince", cancellationToken), page.NextCursor);
    }

    public async Task<IReadOnlyList<CommerceOrder>> RecentOrdersAsync(int count, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.RecentOrders, new JsonObject { ["last"] = ShopifyConnection.PageSize(count) }, cancellationToken);

        // "last" of a list sorted oldest first: the newest come at the end.
        return await FetchOrdersAsync(ShopifyConnection.Read(data["orders"], "orders").Nodes.Reverse(), "RecentOrders", cancellationToken);
    }

    /// <summary>Each listed order in full, in the listing's order; an order deleted since the listing is simply not there any more.</summary>
    private async Task<List<CommerceOrder>> FetchOrdersAsync(IEnumerable<JsonObject> nodes, string operation, CancellationToken cancellationToken)
    {
        var orders = new List<CommerceOrder>();
        foreach (var node in nodes)
        {
            if (await FetchOrderAsync(node["id"]?.GetValue<string>() ?? throw ShopifyErrors.NotUnderstood(GraphQl.Shop, operation, "an order without id"),
                    cancellationToken) is { } order)
            {
                orders.Add(order);
            }
        }

        return orders;
    }

    public Task<CommerceOrder?> OrderAsync(string orderId, CancellationToken cancellationToken) =>
        FetchOrderAsync(ShopifyGid.Format("Order", orderId), cancellationToken);

    public async Task<IReadOnlyList<RemoteWebhook>> WebhooksAsync(CancellationToken cancellationToken)
    {
        var webhooks = new List<RemoteWebhook>();
        await foreach (var node in ShopifyConnection.AllAsync(async (after, token) =>
        {
            var data = await GraphQl.QueryAsync(ShopifyOperations.WebhookSubscriptions,
                new JsonObject { ["first"] = ShopifyOptions.MaxPageSize, ["after"] = after }, token);
            return ShopifyConnection.Read(data["webhookSubscriptions"], "webhookSubscriptions");
        }, cancellationToken))
        {
            webhooks.Add(Webhook(node));
        }

        return webhooks;
    }

    public async Task<RemoteWebhook> CreateWebhookAsync(string topic, Uri address, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var payload = await GraphQl.MutateAsync(ShopifyMutation.Create(ShopifyOperations.WebhookSubscriptionCreate, new JsonObject
        {
            ["topic"] = ShopifyWebhookTopics.ToGraphQl(topic),
            ["uri"] = address.AbsoluteUri,
        }), cancellationToken);
        return payload["webhookSubscription"] is JsonObject created
            ? Webhook(created)
            : throw ShopifyErrors.NotUnderstood(GraphQl.Shop, ShopifyOperations.WebhookSubscriptionCreate.Name, "no webhookSubscription");
    }

    public async Task DeleteWebhookAsync(string remoteId, CancellationToken cancellationToken)
    {
        try
        {
            await GraphQl.MutateAsync(ShopifyMutation.Create(ShopifyOperations.WebhookSubscriptionDelete,
                new JsonObject { ["id"] = ShopifyGid.Format("WebhookSubscription", remoteId) }), cancellationToken);
        }
        catch (StoreApiException error) when (error.Kind == StoreApiErrorKind.Validation && error.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            // Already gone: what the caller wanted.
        }
    }

    /// <summary>
    /// The order with every page of its lines and each of its refunds in full, mapped; null when the shop has no
    /// such order. Refunds cost one more query each, and only orders that have them pay it.
    /// </summary>
    private async Task<CommerceOrder?> FetchOrderAsync(string gid, CancellationToken cancellationToken)
    {
        JsonObject? order = null;
        JsonArray? lines = null;
        string? after = null;
        do
        {
            var data = await GraphQl.QueryAsync(ShopifyOperations.Order,
                new JsonObject { ["id"] = gid, ["lineItemsFirst"] = LineItemsPerPage, ["lineItemsAfter"] = after }, cancellationToken);
            if (data["order"] is not JsonObject page)
            {
                return null;
            }

            var linePage = ShopifyConnection.Read(page["lineItems"], "order.lineItems");
            if (order is null)
            {
                order = page;
                lines = page["lineItems"]!["nodes"]!.AsArray();
            }
            else
            {
                foreach (var line in linePage.Nodes)
                {
                    lines!.Add(line.DeepClone());
                }
            }

            after = linePage.NextCursor;
        }
        while (after is not null);

        var refunds = new JsonArray();
        foreach (var refund in order["refunds"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            refunds.Add(await FetchRefundAsync(refund["id"]?.GetValue<string>() ?? throw ShopifyErrors.NotUnderstood(GraphQl.Shop, "Order", "a refund without id"),
                cancellationToken));
        }

        order["refunds"] = refunds;
        try
        {
            return ShopifyPayloads.ParseGraphQlOrder(order.ToJsonString());
        }
        catch (CommercePayloadException error)
        {
            throw new StoreApiException(StoreApiErrorKind.Protocol, error.Message, inner: error);
        }
    }

    /// <summary>
    /// A refund with every page of its lines. Its other lists are capped in Refund.graphql; a refund beyond a cap
    /// fails rather than reaching the flows with money missing.
    /// </summary>
    private async Task<JsonObject> FetchRefundAsync(string gid, CancellationToken cancellationToken)
    {
        JsonObject? refund = null;
        string? after = null;
        do
        {
            var data = await GraphQl.QueryAsync(ShopifyOperations.Refund,
                new JsonObject { ["id"] = gid, ["refundLineItemsFirst"] = RefundLineItemsPerPage, ["refundLineItemsAfter"] = after }, cancellationToken);
            if (data["refund"] is not JsonObject page)
            {
                throw ShopifyErrors.NotUnderstood(GraphQl.Shop, ShopifyOperations.Refund.Name, $"no refund {gid}, though its order lists it");
            }

            var linePage = ShopifyConnection.Read(page["refundLineItems"], "refund.refundLineItems");
            if (refund is null)
            {
                refund = page.DeepClone().AsObject();
                foreach (var capped in new[] { "refundShippingLines", "orderAdjustments", "transactions" })
                {
                    if (ShopifyConnection.Read(page[capped], $"refund.{capped}").NextCursor is not null)
                    {
                        throw ShopifyErrors.NotUnderstood(GraphQl.Shop, ShopifyOperations.Refund.Name, $"refund {gid} has more {capped} than Refund.graphql reads");
                    }
                }
            }
            else
            {
                var lines = refund["refundLineItems"]!["nodes"]!.AsArray();
                foreach (var line in linePage.Nodes)
                {
                    lines.Add(line.DeepClone());
                }
            }

            after = linePage.NextCursor;
        }
        while (after is not null);

        return refund;
    }

    private static RemoteWebhook Webhook(JsonObject subscription)
    {
        var id = subscription["id"]?.GetValue<string>();
        var uri = subscription["uri"]?.GetValue<string>();
        return new RemoteWebhook(
            ShopifyGid.Parse(id)?.Id ?? id ?? "",
            ShopifyWebhookTopics.FromGraphQl(subscription["topic"]?.GetValue<string>() ?? ""),
            Uri.TryCreate(uri, UriKind.Absolute, out var address) ? address : new Uri("about:blank"),
            Active: true);
    }
}
