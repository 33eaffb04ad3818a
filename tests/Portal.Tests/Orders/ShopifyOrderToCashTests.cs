using Portal.Fakes.Orders;

namespace Portal.Tests.Orders;

/// <summary>The order-to-cash scenarios on a Shopify shop, and what only Shopify orders have: tips and import duties.</summary>
public sealed class ShopifyOrderToCashTests(ShopifyOrderToCashStore store) : OrderToCashTests<ShopifyOrderToCashStore>(store)
{
    [Fact]
    public async Task A_tip_is_an_untaxed_line_of_the_tip_product()
    {
        var spec = Order("tip", Line("MUG-001", 1, 12.50m, OrderToCashStore.StateTax)) with { Tip = 3m };

        var orderId = await Store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        var tip = saleOrder.Lines.Single(l => l.Sku == "TIP");
        Assert.Equal((1m, 3m), (tip.Quantity, tip.PriceUnit));
        Assert.Empty(tip.TaxIds);
        AssertTotals(spec, saleOrder);
    }

    [Fact]
    public async Task A_duty_is_a_line_of_the_duty_product_at_its_own_taxes()
    {
        var spec = Order("duty", Line("NOTE-A5", 1, 34.90m, OrderToCashStore.StateTax)) with { Duties = [new FakeDutySpec(0, 4m, [OrderToCashStore.StateTax])] };

        var orderId = await Store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        var duty = saleOrder.Lines.Single(l => l.Sku == "DUTIES");
        Assert.Equal((1m, 4m), (duty.Quantity, duty.PriceUnit));
        Assert.Equal([OdooTaxes.FivePercent], duty.TaxIds);
        AssertTotals(spec, saleOrder);
    }

    protected override async Task SendTwiceAsync(string orderId)
    {
        var eventId = Guid.NewGuid().ToString();
        await Store.SendAgainAsync("orders/create", orderId, eventId);
        await Store.SendAgainAsync("orders/create", orderId, eventId);
    }
}
