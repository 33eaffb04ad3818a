using Portal.Fakes.Orders;

namespace Portal.Tests.Orders;

/// <summary>The order-to-cash scenarios on a WooCommerce site, and what only WooCommerce orders have: fee lines.</summary>
public sealed class WooCommerceOrderToCashTests(WooCommerceOrderToCashStore store) : OrderToCashTests<WooCommerceOrderToCashStore>(store)
{
    [Fact]
    public async Task A_fee_is_a_line_of_the_fee_product_at_its_taxes()
    {
        var spec = Order("fee", Line("MUG-001", 1, 12.50m, OrderToCashStore.StateTax)) with { Fees = [new FakeFeeSpec("Gift wrap", 2.50m, [OrderToCashStore.StateTax])] };

        var orderId = await Store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        var fee = saleOrder.Lines.Single(l => l.Sku == "FEE");
        Assert.Equal(("Gift wrap", 1m, 2.50m), (fee.Name, fee.Quantity, fee.PriceUnit));
        Assert.Equal([OdooTaxes.FivePercent], fee.TaxIds);
        AssertTotals(spec, saleOrder);
    }

    /// <summary>WooCommerce delivers a webhook again when the site did not get a 2xx in time, with the same body.</summary>
    protected override async Task SendTwiceAsync(string orderId)
    {
        await Store.SendCreatedAsync(orderId);
        await Store.SendCreatedAsync(orderId);
    }
}
