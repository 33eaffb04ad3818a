using Portal.Data.Entities;
using Portal.Sync.Flows.Orders;
using Portal.Sync.Odoo;
using Portal.Sync.Stores;

using static Portal.Sync.Tests.Flows.FlowAssert;

namespace Portal.Sync.Tests.Flows;

/// <summary>
/// Store orders into Odoo sale orders through the job store, the job runner and <see cref="OrderSyncFlow"/>,
/// against the fake Odoo or a real one (see <see cref="FlowOdoo"/>).
/// </summary>
[Trait("Category", "OdooFlow")]
public class OrderFlowTests
{
    private static readonly string[] ReadingMethods = ["read", "search_read", "search", "fields_get"];

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task An_order_becomes_one_confirmed_sale_order_with_the_stores_lines_taxes_and_totals(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var spec = bed.Spec((0, 2, 20.00m), (1, 1, 120.00m));
        var orderId = await bed.PlaceAsync(spec);

        var job = await bed.SyncOrderAsync(orderId);

        AssertSucceeded(job);
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

    [Fact]
    public async Task A_returning_customers_order_of_linked_products_costs_at_most_four_odoo_calls_confirmation_included()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Customers);
        var first = await bed.PlaceAsync(bed.Spec((0, 1, 20.00m), (1, 2, 40.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(first));
        var second = await bed.PlaceAsync(bed.Spec((1, 1, 40.00m), (0, 3, 20.00m)));
        bed.Traffic.Clear();
        bed.Odoo.Fake?.ClearCalls();

        var job = await bed.SyncOrderAsync(second);

        AssertSucceeded(job);
        var calls = bed.Traffic.Calls.Select(c => $"{c.Model}.{c.Method}").ToList();
        Assert.True(calls.Count <= 4, $"{calls.Count} calls: {string.Join(", ", calls)}");
        Assert.Equal(["sale.order.search_read", "sale.order.create", "sale.order.read", "sale.order.action_confirm"], calls);
        if (bed.Odoo.Fake is { } fake)
        {
            Assert.Equal(calls.Count, fake.ModelCallCount);
        }

        Assert.Equal("sale", (await bed.Odoo.SaleOrderAsync(bed.Origin(second))).Text("state"));
    }

    [Fact]
    public async Task A_sale_order_whose_create_answer_was_lost_is_found_by_its_origin_and_its_line_links_are_rebuilt()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Customers);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (2, 1, 60.00m)));
        bed.LoseAnswer("sale.order", "create");

        var lost = await bed.SyncOrderAsync(orderId);
        Assert.Equal((JobState.Failed, "Transient"), (lost.State, lost.ErrorKind));
        Assert.Empty(await bed.LinksAsync(RecordLinkKind.OrderLine));
        await bed.RetryFailedAsync();

        AssertSucceeded(await bed.JobAsync(lost.Id));
        Assert.Equal(1, await bed.Odoo.SaleOrderCountAsync(bed.Origin(orderId)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal(("sale", 110m, 16.5m, 126.5m), (saleOrder.Text("state"), saleOrder.Number("amount_untaxed"), saleOrder.Number("amount_tax"), saleOrder.Number("amount_total")));
        var lines = await bed.Odoo.SaleLinesAsync(saleOrder.Id());
        Assert.Equal(3, lines.Count);
        Assert.Equal(lines.Select(l => l.Id()).Order(), (await bed.LinksAsync(RecordLinkKind.OrderLine)).Select(l => l.OdooId).Order());
        Assert.Equal(saleOrder.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.Order)).OdooId);
    }

    [Fact]
    public async Task A_confirmation_whose_answer_was_lost_is_not_sent_again_and_the_line_links_are_made_on_the_retry()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce, StoreFeatures.Orders | StoreFeatures.Customers);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (2, 1, 60.00m)));
        bed.LoseAnswer("sale.order", "action_confirm");

        var lost = await bed.SyncOrderAsync(orderId);
        Assert.Equal((JobState.Failed, "Transient"), (lost.State, lost.ErrorKind));
        bed.Traffic.Clear();
        await bed.RetryFailedAsync();

        AssertSucceeded(await bed.JobAsync(lost.Id));
        Assert.Equal(0, bed.Traffic.CountOf("sale.order", "action_confirm"));
        Assert.Equal(0, bed.Traffic.CountOf("sale.order", "create"));
        Assert.Equal(1, await bed.Odoo.SaleOrderCountAsync(bed.Origin(orderId)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal("sale", saleOrder.Text("state"));
        var lines = await bed.Odoo.SaleLinesAsync(saleOrder.Id());
        Assert.Equal(lines.Select(l => l.Id()).Order(), (await bed.LinksAsync(RecordLinkKind.OrderLine)).Select(l => l.OdooId).Order());
        Assert.Single(await bed.Odoo.PickingsAsync(saleOrder.Id()));
    }

    [Fact]
    public async Task The_same_order_job_run_again_writes_nothing()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var linksBefore = (await bed.LinksAsync(RecordLinkKind.OrderLine)).Select(l => (l.StoreKey, l.OdooId)).ToList();
        bed.Traffic.Clear();

        var again = await bed.SyncOrderAsync(orderId);

        AssertSucceeded(again);
        var calls = bed.Traffic.Calls.Select(c => $"{c.Model}.{c.Method}").ToList();
        Assert.All(bed.Traffic.Calls, c => Assert.Contains(c.Method, ReadingMethods));
        Assert.True(calls.Count <= 2, string.Join(", ", calls));
        Assert.Equal(1, await bed.Odoo.SaleOrderCountAsync(bed.Origin(orderId)));
        Assert.Equal(linksBefore, (await bed.LinksAsync(RecordLinkKind.OrderLine)).Select(l => (l.StoreKey, l.OdooId)).ToList());
        Assert.Single(await bed.JobsAsync(Portal.Sync.Flows.Payments.PaymentSyncFlow.Name));
    }

    [Fact]
    public async Task An_unpaid_order_is_a_quotation_that_takes_the_changed_lines_and_is_confirmed_once_paid()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Customers);
        var spec = bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)) with { Paid = false };
        var orderId = await bed.PlaceAsync(spec);
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var quotation = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal("draft", quotation.Text("state"));

        var id = long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture);
        bed.Shopify.UpdateOrder(id, s => s with { Lines = [s.Lines[0] with { Quantity = 3 }, s.Lines[1] with { UnitPrice = 100.00m }] });
        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        var changed = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal(("draft", 170m, 25.5m, 195.5m), (changed.Text("state"), changed.Number("amount_untaxed"), changed.Number("amount_tax"), changed.Number("amount_total")));
        var lines = await bed.Odoo.SaleLinesAsync(changed.Id());
        Assert.Equal([(3m, 20m), (1m, 100m), (1m, 10m)], lines.Select(l => (l.Number("product_uom_qty"), l.Number("price_unit"))));
        Assert.Equal(lines.Select(l => l.Id()).Order(), (await bed.LinksAsync(RecordLinkKind.OrderLine)).Select(l => l.OdooId).Order());

        bed.Shopify.MarkPaid(id);
        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        var confirmed = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal(("sale", 195.5m), (confirmed.Text("state"), confirmed.Number("amount_total")));
        Assert.Equal(1, await bed.Odoo.SaleOrderCountAsync(bed.Origin(orderId)));
    }

    [Fact]
    public async Task An_unpaid_order_is_not_imported_when_the_store_imports_paid_orders_only()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce, StoreFeatures.Orders | StoreFeatures.Customers);
        await bed.SettingsAsync(s => s.ImportUnpaidOrders = false);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 1, 20.00m)) with { Paid = false });

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        Assert.Equal(0, await bed.Odoo.SaleOrderCountAsync(bed.Origin(orderId)));
    }

    [Fact]
    public async Task A_confirmed_orders_changed_quantity_is_written_on_its_line()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Customers);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var before = await bed.Odoo.SaleLinesAsync((await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).Id());

        bed.Shopify.UpdateOrder(long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture), s => s with { Lines = [s.Lines[0] with { Quantity = 3 }, s.Lines[1]] });
        var job = await bed.SyncOrderAsync(orderId);

        AssertSucceeded(job);
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var after = await bed.Odoo.SaleLinesAsync(saleOrder.Id());
        Assert.Equal(before.Select(l => l.Id()), after.Select(l => l.Id()));
        Assert.Equal([3m, 1m, 1m], after.Select(l => l.Number("product_uom_qty")));
        Assert.Equal(("sale", 190m, 28.5m, 218.5m), (saleOrder.Text("state"), saleOrder.Number("amount_untaxed"), saleOrder.Number("amount_tax"), saleOrder.Number("amount_total")));
    }

    [Fact]
    public async Task Lowering_a_quantity_below_what_odoo_delivered_waits_for_a_person()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Customers);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        await bed.Odoo.DeliverAsync(saleOrder.Id());

        bed.Shopify.UpdateOrder(long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture), s => s with { Lines = [s.Lines[0] with { Quantity = 1 }, s.Lines[1]] });
        var job = await bed.SyncOrderAsync(orderId);

        Assert.Equal((JobState.NeedsAttention, "Validation"), (job.State, job.ErrorKind));
        Assert.Equal("Store order #1001 lowered 'Item 0' to 1, but Odoo already delivered 2; return the goods in Odoo.", job.LastError);
        Assert.Equal([2m, 1m, 1m], (await bed.Odoo.SaleLinesAsync(saleOrder.Id())).Select(l => l.Number("product_uom_qty")));
    }

    [Fact]
    public async Task A_cancelled_order_that_odoo_has_not_delivered_is_cancelled()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        await bed.SettingsAsync(s => s.InvoicePolicy = InvoicePolicy.Never);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        bed.WooCommerce.Shop.CancelOrder(long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture));
        var job = await bed.SyncOrderAsync(orderId);

        AssertSucceeded(job);
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal("cancel", saleOrder.Text("state"));
        Assert.All(await bed.Odoo.PickingsAsync(saleOrder.Id()), p => Assert.Equal("cancel", p.Text("state")));
    }

    [Fact]
    public async Task A_cancelled_order_that_odoo_delivered_waits_for_a_person()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        await bed.SettingsAsync(s => s.InvoicePolicy = InvoicePolicy.Never);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        await bed.Odoo.DeliverAsync(saleOrder.Id());
        var picking = (await bed.Odoo.PickingsAsync(saleOrder.Id())).Single();

        bed.Shopify.CancelOrder(long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture));
        var job = await bed.SyncOrderAsync(orderId);

        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.Equal($"Order #1001 was cancelled in the store, but Odoo already delivered it ({picking.Text("name")} of {saleOrder.Text("name")}); return the goods and cancel it in Odoo.", job.LastError);
        Assert.Equal("sale", (await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).Text("state"));
    }

    [Fact]
    public async Task A_cancelled_order_whose_invoice_odoo_posted_waits_for_a_person()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var invoice = Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        Assert.Equal("posted", invoice.Text("state"));

        bed.Shopify.CancelOrder(long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture));
        var job = await bed.SyncOrderAsync(orderId);

        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.Equal($"Order #1001 was cancelled in the store, but Odoo already posted invoice {invoice.Text("name")} for {saleOrder.Text("name")}; credit it and cancel the order in Odoo.", job.LastError);
        Assert.Equal("sale", (await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).Text("state"));
    }

    [Fact]
    public async Task Totals_that_odoo_rounds_globally_differ_from_the_stores_and_the_order_waits_with_both_breakdowns()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Customers);
        // The default tolerance (0.01) lets this one-cent difference through.
        await bed.SettingsAsync(s => s.TotalTolerance = 0m);
        var rounding = await bed.Odoo.TaxRoundingAsync();
        await bed.Odoo.SetTaxRoundingAsync("round_globally");
        try
        {
            // Per line, as the store rounds: 3 × 0.16 + 1.50 = 1.98; globally: 0.4725 + 1.50 → 1.97.
            var orderId = await bed.PlaceAsync(bed.Spec((0, 1, 1.05m), (1, 1, 1.05m), (2, 1, 1.05m)));

            var job = await bed.SyncOrderAsync(orderId);
            Assert.Equal((JobState.NeedsAttention, "Validation"), (job.State, job.ErrorKind));
            Assert.Equal("Total mismatch: store 15.13, Odoo 15.12 (tax).", job.LastError);
            var detail = (await bed.HistoryAsync(job.Id)).Last().ErrorDetail;
            Assert.NotNull(detail);
            Assert.Contains("untaxed 13.15, tax 1.98, total 15.13", detail, StringComparison.Ordinal);
            Assert.Contains("untaxed 13.15, tax 1.97, total 15.12", detail, StringComparison.Ordinal);
            Assert.Contains("rounds taxes globally", detail, StringComparison.Ordinal);
            Assert.Contains("Round per Line", detail, StringComparison.Ordinal);
            Assert.Equal("draft", (await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).Text("state"));
        }
        finally
        {
            await bed.Odoo.SetTaxRoundingAsync(rounding);
        }
    }
}
