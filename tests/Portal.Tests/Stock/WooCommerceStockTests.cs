namespace Portal.Tests.Stock;

/// <summary>The stock scenarios on a WooCommerce site.</summary>
public sealed class WooCommerceStockTests : StockTests<WooCommerceStockStore>
{
    protected override int BatchLimit => 100;
}
