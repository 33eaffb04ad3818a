using System.Globalization;
using Portal.Data.Entities;
using Portal.Fakes.Orders;
using Portal.Sync.Odoo;
using Portal.Sync.Stores;
using static Portal.Sync.Tests.Flows.FlowAssert;

namespace Portal.Sync.Tests.Flows;

/// <summary>Store refunds into Odoo credit notes, refund payments and returns (see <see cref="FlowOdoo"/> for the Odoo side).</summary>
[Trait("Category", "OdooFlow")]
public class RefundFlowTests
{
    private static readonly string[] Settled = ["paid", "in_payment"];

    [Fact]
    public async Task A_partial_refund_credits_the_refunded_line_against_the_invoice_and_pays_it_back()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var refundId = bed.Shopify.AddRefund(long.Parse(orderId, CultureInfo.InvariantCulture), new FakeRefundSpec([new(0, 1)]));

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        AssertSucceeded(Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var invoice = Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        var credit = Assert.Single(await bed.Odoo.MovesAsync("out_refund", saleOrder.Text("name")!));
        Assert.Equal(("posted", 20m, 3m, 23m), (credit.Text("state"), credit.Number("amount_untaxed"), credit.Number("amount_tax"), credit.Number("amount_total")));
        Assert.Equal((invoice.Id(), $"{bed.Origin(orderId)} refund {refundId}"), (credit.ManyToOneId("reversed_entry_id"), credit.Text("ref")));
        Assert.Contains(credit.Text("payment_state"), Settled);
        var lines = await bed.Odoo.SaleLinesAsync(saleOrder.Id());
        Assert.Equal([1m, 1m, 1m], lines.Select(l => l.Number("qty_invoiced")));
        var refunded = Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"), p => p.Text("payment_type") == "outbound");
        Assert.Equal(23m, refunded.Number("amount"));
        Assert.Equal(credit.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.Refund)).OdooId);
    }

    [Fact]
    public async Task A_full_refund_with_shipping_credits_every_line_and_the_shipping()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        var spec = bed.Spec((0, 2, 20.00m), (1, 1, 120.00m));
        var orderId = await bed.PlaceAsync(spec);
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        bed.WooCommerce.Shop.AddRefund(long.Parse(orderId, CultureInfo.InvariantCulture), new FakeRefundSpec([new(0, 2), new(1, 1)], Shipping: 10m));

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        AssertSucceeded(Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var invoice = Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        var credit = Assert.Single(await bed.Odoo.MovesAsync("out_refund", saleOrder.Text("name")!));
        Assert.Equal(("posted", 170m, 25.5m, spec.Total), (credit.Text("state"), credit.Number("amount_untaxed"), credit.Number("amount_tax"), credit.Number("amount_total")));
        Assert.Equal(invoice.Id(), credit.ManyToOneId("reversed_entry_id"));
    }

    [Theory]
    [InlineData(UninvoicedRefundPolicy.StandaloneCreditNote)]
    [InlineData(UninvoicedRefundPolicy.InvoiceFirst)]
    [InlineData(UninvoicedRefundPolicy.Park)]
    public async Task A_refund_of_an_order_odoo_never_invoiced_follows_the_stores_policy(UninvoicedRefundPolicy policy)
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        await bed.SettingsAsync(s =>
        {
            s.InvoicePolicy = InvoicePolicy.Never;
            s.UninvoicedRefunds = policy;
        });
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        bed.Shopify.AddRefund(long.Parse(orderId, CultureInfo.InvariantCulture), new FakeRefundSpec([new(0, 1)]));

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        var job = Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var invoices = await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!);
        var credits = await bed.Odoo.MovesAsync("out_refund", saleOrder.Text("name")!);
        switch (policy)
        {
            case UninvoicedRefundPolicy.StandaloneCreditNote:
                AssertSucceeded(job);
                Assert.Empty(invoices);
                var standalone = Assert.Single(credits);
                Assert.Equal(("posted", 23m, null), (standalone.Text("state"), standalone.Number("amount_total"), standalone.ManyToOneId("reversed_entry_id")));
                break;
            case UninvoicedRefundPolicy.InvoiceFirst:
                AssertSucceeded(job);
                var invoice = Assert.Single(invoices);
                Assert.Equal(("posted", 195.5m), (invoice.Text("state"), invoice.Number("amount_total")));
                var reversal = Assert.Single(credits);
                Assert.Equal(("posted", 23m, invoice.Id()), (reversal.Text("state"), reversal.Number("amount_total"), reversal.ManyToOneId("reversed_entry_id")));
                break;
            default:
                Assert.Equal((JobState.NeedsAttention, "Order #1001 was refunded before Odoo invoiced it; the store's settings leave such refunds to a person."), (job.State, job.LastError));
                Assert.Equal($"stores/{bed.StoreId}/settings", job.FixPath);
                Assert.Empty(invoices);
                Assert.Empty(credits);
                break;
        }
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task Restocked_goods_come_back_through_a_return_of_the_delivery(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        await bed.SettingsAsync(s => s.ReturnPickingOnRestock = true);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        await bed.Odoo.DeliverAsync(saleOrder.Id());
        var refund = new FakeRefundSpec([new(0, 1, Restock: true)]);
        var id = long.Parse(orderId, CultureInfo.InvariantCulture);
        if (platform == StorePlatform.Shopify)
        {
            bed.Shopify.AddRefund(id, refund);
        }
        else
        {
            bed.WooCommerce.Shop.AddRefund(id, refund);
        }

        bed.Traffic.Clear();
        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        AssertSucceeded(Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow)));
        var method = bed.Odoo.Profile.Version.Major >= 18 ? "action_create_returns" : "create_returns";
        Assert.Equal(1, bed.Traffic.CountOf("stock.return.picking", method));
        var pickings = await bed.Odoo.PickingsAsync(saleOrder.Id());
        var returned = Assert.Single(pickings, p => p.Text("picking_type_code") == "incoming");
        Assert.Equal(returned.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.ReturnPicking)).OdooId);
        var moves = await bed.Odoo.Client.ReadAsync("stock.move", returned.Ids("move_ids"), ["product_id", "product_uom_qty"]);
        var move = Assert.Single(moves, m => m!.Number("product_uom_qty") > 0m)!;
        Assert.Equal((bed.ProductId(bed.Skus[0]), 1m), (move.ManyToOneId("product_id")!.Value, move.Number("product_uom_qty")));
        Assert.Single(await bed.Odoo.MovesAsync("out_refund", saleOrder.Text("name")!));
    }

    [Fact]
    public async Task A_credit_note_whose_create_answer_was_lost_is_found_by_its_reference_and_not_made_twice()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        bed.Shopify.AddRefund(long.Parse(orderId, CultureInfo.InvariantCulture), new FakeRefundSpec([new(1, 1)]));
        bed.LoseAnswer("account.move", "create");

        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var refund = Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow));
        Assert.Equal((JobState.Failed, "Transient"), (refund.State, refund.ErrorKind));
        await bed.RetryFailedAsync();

        AssertSucceeded(await bed.JobAsync(refund.Id));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var credit = Assert.Single(await bed.Odoo.MovesAsync("out_refund", saleOrder.Text("name")!));
        Assert.Equal(("posted", 138m), (credit.Text("state"), credit.Number("amount_total")));
        Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"), p => p.Text("payment_type") == "outbound");
    }
}
