using System.Globalization;

namespace Portal.Tests.Fulfilment;

/// <summary>The fulfilment scenarios on a Shopify shop: fulfillments of the order's fulfillment order, quantities per line item.</summary>
public sealed class ShopifyFulfilmentTests(ShopifyFulfilmentStore store) : FulfilmentTests<ShopifyFulfilmentStore>(store)
{
    protected override IReadOnlyList<StoreShipment> Shipments(string orderId) =>
        [.. Store.Shop.PlacedOrder(Id(orderId)).Fulfilments.Select(f => new StoreShipment(f.TrackingCompany, f.TrackingNumber, f.TrackingUrl, f.NotifyCustomer))];

    protected override bool IsFullyShipped(string orderId) => Store.Shop.PlacedOrder(Id(orderId)).DisplayFulfillmentStatus == "FULFILLED";

    protected override void AssertShipped(string orderId, Dictionary<string, int> expected)
    {
        var order = Store.Shop.PlacedOrder(Id(orderId));
        var shipped = order.Spec.Lines.Select((line, index) => (line.Sku, Quantity: order.FulfilledQuantity(index))).Where(l => l.Quantity > 0).ToDictionary(l => l.Sku, l => l.Quantity);
        Assert.Equal(expected, shipped);
    }

    private static long Id(string orderId) => long.Parse(orderId, CultureInfo.InvariantCulture);
}
