using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// A Shopify shop as <see cref="IStoreInventory"/>, through the Admin GraphQL API: "available" quantities set with
/// inventorySetQuantities, each compared against the quantity the connector believes is there. When Shopify finds
/// one stale (a sale, a person's edit), the batch's current quantities are read and the batch is set again from them.
/// </summary>
internal sealed class ShopifyInventory(ShopifyGraphQlClient graphQl) : IStoreInventory
{
    private const int LevelsPerPage = 160;
    private const string Reason = "correction";
    private static readonly string[] StaleCodes = ["CHANGE_FROM_QUANTITY_STALE", "COMPARE_QUANTITY_STALE"];

    private ShopifyGraphQlClient GraphQl { get; } = graphQl;

    public int WriteBatchSize => ShopifyOptions.MaxPageSize;

    public async Task<IReadOnlyList<CommerceLocation>> LocationsAsync(CancellationToken cancellationToken)
    {
        var locations = new List<CommerceLocation>();
        await foreach (var node in ShopifyConnection.AllAsync(async (after, token) =>
        {
            var data = await GraphQl.QueryAsync(ShopifyOperations.Locations, new JsonObject { ["first"] = ShopifyOptions.MaxPageSize, ["after"] = after }, token);
            return ShopifyConnection.Read(data["locations"], "locations");
        }, cancellationToken))
        {
            locations.Add(new CommerceLocation(
                node["id"]?.GetValue<string>() ?? throw ShopifyErrors.NotUnderstood(GraphQl.Shop, "Locations", "a location without id"),
                node["name"]?.GetValue<string>() ?? ""));
        }

        return locations;
    }

    public async IAsyncEnumerable<IReadOnlyList<StoreStockItem>> ItemsAsync(string storeLocationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var data = await GraphQl.QueryAsync(ShopifyOperations.InventoryLevels,
                new JsonObject { ["location"] = ShopifyGid.Format("Location", storeLocationId), ["first"] = LevelsPerPage, ["after"] = after }, cancellationToken);
            var location = data["location"] ?? throw new StoreApiException(StoreApiErrorKind.Validation, $"{GraphQl.Shop} has no location {storeLocationId}.");
            var page = ShopifyConnection.Read(location["inventoryLevels"], "location.inventoryLevels");
            yield return page.Nodes.Select(Item).OfType<StoreStockItem>().ToList();
            after = page.NextCursor;
        }
        while (after is not null);
    }

    public async Task<StoreStockWrite> SetAsync(string storeLocationId, IReadOnlyList<StoreStockChange> changes, string stableIdentity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var set = new List<string>();
        var failures = new Dictionary<string, string>();
        var calls = 0;
        var batches = changes.Chunk(WriteBatchSize).ToList();
        for (var batch = 0; batch < batches.Count; batch++)
        {
            var quantities = batches[batch];
            try
            {
                try
                {
                    calls++;
                    await SendAsync(storeLocationId, quantities, $"{stableIdentity}#{batch}", cancellationToken);
                }
                catch (StoreApiException error) when (StaleCodes.Contains(error.Code))
                {
                    var current = await QuantitiesAsync(storeLocationId, quantities.Select(q => q.InventoryItemId).ToList(), cancellationToken);
                    quantities = quantities.Select(q => q with { Expected = current.GetValueOrDefault(q.InventoryItemId) }).ToArray();
                    calls++;
                    await SendAsync(storeLocationId, quantities, $"{stableIdentity}#{batch}", cancellationToken);
                }

                set.AddRange(quantities.Select(q => q.InventoryItemId));
            }
            catch (StoreApiException error) when (error.Kind == StoreApiErrorKind.Validation)
            {
                foreach (var quantity in quantities)
                {
                    failures[quantity.InventoryItemId] = error.Message;
                }
            }
        }

        return new StoreStockWrite(set, failures, calls);
    }

    private Task<JsonObject> SendAsync(string storeLocationId, IReadOnlyList<StoreStockChange> quantities, string stableIdentity, CancellationToken cancellationToken)
    {
        var location = ShopifyGid.Format("Location", storeLocationId);
        var input = new JsonObject
        {
            ["name"] = "available",
            ["reason"] = Reason,
            ["quantities"] = new JsonArray(quantities.Select(quantity => (JsonNode)new JsonObject
            {
                ["inventoryItemId"] = ShopifyGid.Format("InventoryItem", quantity.InventoryItemId),
                ["locationId"] = location,
                ["quantity"] = quantity.Quantity,
                ["changeFromQuantity"] = quantity.Expected,
            }).ToArray()),
        };
        // The key names the batch and its content: a repeat of the same writes is one intent, while a job run again on
        // newer Odoo quantities, or a batch re-sent from re-read store quantities, is another (Shopify refuses a key reused with other input).
        var content = string.Join(',', quantities.Select(q => $"{q.InventoryItemId}={q.Quantity}/{q.Expected}"));
        return GraphQl.MutateAsync(
            ShopifyMutation.Create(ShopifyOperations.InventorySetQuantities, new JsonObject { ["input"] = input }, $"{stableIdentity}\n{content}"), cancellationToken);
    }

    /// <summary>The "available" quantity of each item at the location; an item not stocked there is absent.</summary>
    private async Task<Dictionary<string, int>> QuantitiesAsync(string storeLocationId, IReadOnlyList<string> items, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.InventoryItemQuantities, new JsonObject
        {
            ["ids"] = new JsonArray(items.Select(item => (JsonNode)ShopifyGid.Format("InventoryItem", item)).ToArray()),
            ["location"] = ShopifyGid.Format("Location", storeLocationId),
        }, cancellationToken);
        var quantities = new Dictionary<string, int>();
        foreach (var node in data["nodes"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (node["id"]?.GetValue<string>() is { } id && Available(node["inventoryLevel"]) is { } available)
            {
                quantities[items.FirstOrDefault(item => ShopifyGid.Format("InventoryItem", item) == id) ?? id] = available;
            }
        }

        return quantities;
    }

    private static StoreStockItem? Item(JsonObject level)
    {
        var item = level["item"];
        var variant = item?["variants"]?["nodes"]?.AsArray().FirstOrDefault();
        return item?["id"]?.GetValue<string>() is { } itemId && ShopifyGid.Parse(variant?["id"]?.GetValue<string>()) is { } variantId
            ? new StoreStockItem(variantId.Id, itemId, variant!["sku"]?.GetValue<string>(), Available(level))
            : null;
    }

    private static int? Available(JsonNode? level) =>
        level?["quantities"]?.AsArray().OfType<JsonObject>().FirstOrDefault(q => q["name"]?.GetValue<string>() == "available")?["quantity"]?.GetValue<int>();
}
