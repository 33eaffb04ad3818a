using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Orders;
using Portal.Sync.Flows.Orders;
using Portal.Sync.Odoo;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Flows;

/// <summary>
/// Store orders into Odoo sale orders through the job store, the job runner and <see cref="OrderSyncFlow"/>,
/// against the fake Odoo or a real one (see <see cref="FlowOdoo"/>).
/// </summary>
[Trait("Category", "OdooFlow")]
public class OrderFlowTests
{
    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task An_order_becomes_one_confirmed_sale_order_with_the_stores_lines_taxes_and_totals(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var spec = bed.Spec((0, 2, 20.00m), (1, 1, 120.00m));
        var orderId = await bed.PlaceAsync(spec);

        var job = await bed.SyncOrderAsync(orderId);

        Assert.Equal((JobState.Succeeded, null), (job.State, job.LastError));
        var origin = bed.Origin(orderId);
        Assert.Equal(1, await bed.Odoo.SaleOrderCountAsync(origin));
        var saleOrder = await bed.Odoo.SaleOrderAsync(origin);
        Assert.Equal("sale", saleOrder.Text("state"));
        Assert.Equal(origin, saleOrder.Text("origin"));
        var name = platform == StorePlatform.Shopify ? "#1001" : orderId;
        Assert.Equal(name, saleOrder.Text("client_order_ref"));
        Assert.Equal(bed.Odoo.CompanyId, saleOrder.ManyToOneId("company_id"));
        var partner = (await bed.Odoo.Client.ReadAsync("res.partner", [saleOrder.ManyToOneId("partner_id")!.Value], ["email", "name"])).Single()!;
        Assert.Equal((spec.Email, "Ada Lovelace"), (partner.Text("email"), partner.Text("name")));

        var lines = await bed.Odoo.SaleLinesAsync(saleOrder.Id());
        Assert.Equal([bed.ProductId(bed.Skus[0]), bed.ProductId(bed.Skus[1]), bed.ShippingProductId], lines.Select(l => l.ManyToOneId("product_id")!.Value));
        Assert.Equal([2m, 1m, 1m], lines.Select(l => l.Number("product_uom_qty")));
        Assert.Equal([20m, 120m, 10m], lines.Select(l => l.Number("price_unit")));
        Assert.All(lines, l => Assert.Equal([bed.TaxId], l.Ids(bed.Odoo.TaxesField)));
        // 2 × 20 + 120 + 10 shipping = 170, 15 % = 25.50.
        Assert.Equal((170m, 25.5m, 195.5m), (saleOrder.Number("amount_untaxed"), saleOrder.Number("amount_tax"), saleOrder.Number("amount_total")));
        Assert.Equal(spec.Total, saleOrder.Number("amount_total"));

        var lineLinks = await bed.LinksAsync(RecordLinkKind.OrderLine);
        Assert.Equal(lines.Select(l => l.Id()).Order(), lineLinks.Select(l => l.OdooId).Order());
        Assert.Equal(saleOrder.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.Order)).OdooId);
    }
}
