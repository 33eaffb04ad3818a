using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// A Shopify shop as <see cref="IStoreFulfilments"/>, through fulfillment orders: a delivery's quantities are taken
/// from the open fulfillment orders' line items and fulfilled with one fulfillmentCreate per fulfillment order.
/// The natural key of a delivery in Shopify is its tracking number together with its quantities per line item: a
/// fulfillment that carries both already is this delivery, recorded before an answer was lost, and nothing is sent.
/// </summary>
internal sealed class ShopifyFulfilments(ShopifyGraphQlClient graphQl) : IStoreFulfilments
{
    private static readonly HashSet<string> Fulfillable = ["OPEN", "IN_PROGRESS"];

    private ShopifyGraphQlClient GraphQl { get; } = graphQl;

    public async Task<bool> FulfilAsync(CommerceOrder order, StoreDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(delivery);
        var data = await GraphQl.QueryAsync(ShopifyOperations.FulfillmentOrders, new JsonObject { ["id"] = ShopifyGid.Format("Order", order.Id) }, cancellationToken);
        var found = data["order"] ?? throw new StoreApiException(StoreApiErrorKind.Validation, $"{GraphQl.Shop} has no order {order.Name} to fulfil.");
        var wanted = delivery.Lines.Where(l => l.Quantity > 0).GroupBy(l => ShopifyGid.Format("LineItem", l.LineId)).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        if (wanted.Count == 0 || Nodes(found["fulfillments"]).Any(f => IsSame(f, delivery.TrackingNumber, wanted)))
        {
            return false;
        }

        var inputs = Allocate(Nodes(found["fulfillmentOrders"]?["nodes"]), wanted);
        if (wanted.Values.Any(left => left > 0))
        {
            throw new JobNeedsPersonException($"Odoo's delivery {delivery.Reference} shipped more of order {order.Name} than Shopify has left to fulfil.");
        }

        foreach (var input in inputs)
        {
            await GraphQl.MutateAsync(ShopifyMutation.Create(ShopifyOperations.FulfillmentCreate, new JsonObject
            {
                ["fulfillment"] = new JsonObject
                {
                    ["lineItemsByFulfillmentOrder"] = new JsonArray(input),
                    ["notifyCustomer"] = delivery.NotifyCustomer,
                    ["trackingInfo"] = new JsonObject
                    {
                        ["company"] = delivery.Carrier,
                        ["number"] = delivery.TrackingNumber,
                        ["url"] = delivery.TrackingUrl,
                    },
                },
            }), cancellationToken);
        }

        return true;
    }

    /// <summary>Takes the wanted quantities from the open fulfillment orders' remaining ones, lowering <paramref name="wanted"/> as it goes.</summary>
    private static List<JsonObject> Allocate(IEnumerable<JsonNode> fulfillmentOrders, Dictionary<string, int> wanted)
    {
        var inputs = new List<JsonObject>();
        foreach (var fulfillmentOrder in fulfillmentOrders.Where(f => Fulfillable.Contains(f["status"]?.GetValue<string>() ?? "")))
        {
            var items = new JsonArray();
            foreach (var item in Nodes(fulfillmentOrder["lineItems"]?["nodes"]))
            {
                var line = item["lineItem"]!["id"]!.GetValue<string>();
                var taken = Math.Min(wanted.GetValueOrDefault(line), item["remainingQuantity"]!.GetValue<int>());
                if (taken > 0)
                {
                    items.Add(new JsonObject { ["id"] = item["id"]!.DeepClone(), ["quantity"] = taken });
                    wanted[line] -= taken;
                }
            }

            if (items.Count > 0)
            {
                inputs.Add(new JsonObject { ["fulfillmentOrderId"] = fulfillmentOrder["id"]!.DeepClone(), ["fulfillmentOrderLineItems"] = items });
            }
        }

        return inputs;
    }

    private static bool IsSame(JsonNode fulfillment, string? trackingNumber, Dictionary<string, int> wanted)
    {
        if (fulfillment["status"]?.GetValue<string>() is "CANCELLED" or "ERROR" or "FAILURE"
            || !Nodes(fulfillment["trackingInfo"]).Select(t => t["number"]?.GetValue<string>()).DefaultIfEmpty(null).Contains(trackingNumber))
        {
            return false;
        }

        var shipped = Nodes(fulfillment["fulfillmentLineItems"]?["nodes"])
            .GroupBy(item => item["lineItem"]!["id"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Sum(item => item["quantity"]?.GetValue<int>() ?? 0));
        return shipped.Count == wanted.Count && wanted.All(w => shipped.GetValueOrDefault(w.Key) == w.Value);
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? list) => list is JsonArray items ? items.OfType<JsonNode>() : [];
}
