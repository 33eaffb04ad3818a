using Portal.Data.Entities;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Odoo;
using static Portal.Sync.Tests.Flows.FlowAssert;

namespace Portal.Sync.Tests.Flows;

/// <summary>Invoices and payments of paid orders, as the order flow's follow-up job makes them (see <see cref="FlowOdoo"/> for the Odoo side).</summary>
[Trait("Category", "OdooFlow")]
public class PaymentFlowTests
{
    [Fact]
    public async Task An_order_paid_on_import_is_invoiced_and_its_payment_registered_against_the_invoice_in_the_gateways_journal()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        AssertSucceeded(Assert.Single(await bed.JobsAsync(PaymentSyncFlow.Name)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var invoice = Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        Assert.Equal(("posted", 195.5m, 0m), (invoice.Text("state"), invoice.Number("amount_total"), invoice.Number("amount_residual")));
        Assert.Contains(invoice.Text("payment_state"), Settled);
        var payment = Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"));
        Assert.Equal((195.5m, "inbound", bed.BankJournalId), (payment.Number("amount"), payment.Text("payment_type"), payment.ManyToOneId("journal_id")!.Value));
        Assert.Equal(invoice.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.Invoice)).OdooId);
        Assert.Equal(payment.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.Payment)).OdooId);
    }

    [Fact]
    public async Task Without_invoices_the_payment_goes_on_the_customers_account()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        await bed.SettingsAsync(s => s.InvoicePolicy = InvoicePolicy.Never);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        AssertSucceeded(Assert.Single(await bed.JobsAsync(PaymentSyncFlow.Name)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Empty(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        var payment = Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"));
        Assert.Equal((57.5m, "inbound", saleOrder.ManyToOneId("partner_id")), (payment.Number("amount"), payment.Text("payment_type"), payment.ManyToOneId("partner_id")));
        Assert.NotEqual("draft", payment.Text("state"));
    }

    [Fact]
    public async Task On_fulfilment_nothing_is_invoiced_or_registered_before_odoo_delivered_and_both_are_after()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        await bed.SettingsAsync(s => s.InvoicePolicy = InvoicePolicy.OnFulfilment);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        AssertSucceeded(Assert.Single(await bed.JobsAsync(PaymentSyncFlow.Name)));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Empty(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        Assert.Empty(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"));

        await bed.Odoo.DeliverAsync(saleOrder.Id());
        var after = await bed.EnqueuePaymentsAsync(orderId);
        await bed.RunJobsAsync();

        AssertSucceeded(await bed.JobAsync(after));
        var invoice = Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        Assert.Equal(("posted", 57.5m, 0m), (invoice.Text("state"), invoice.Number("amount_total"), invoice.Number("amount_residual")));
        Assert.Equal(57.5m, Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/")).Number("amount"));
    }

    [Fact]
    public async Task A_gift_card_payment_goes_to_the_gift_card_journal()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var giftCards = await bed.Odoo.GiftCardJournalAsync();
        await bed.MapJournalAsync(FlowTestBed.GiftCardGateway, giftCards);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)) with { Gateway = FlowTestBed.GiftCardGateway });

        AssertSucceeded(await bed.SyncOrderAsync(orderId));

        AssertSucceeded(Assert.Single(await bed.JobsAsync(PaymentSyncFlow.Name)));
        var payment = Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"));
        Assert.Equal((57.5m, giftCards), (payment.Number("amount"), payment.ManyToOneId("journal_id")!.Value));
    }

    [Fact]
    public async Task An_invoice_whose_create_answer_was_lost_is_found_by_the_orders_name_and_not_made_twice()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));
        bed.LoseAnswer("account.move", "create");

        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var payments = Assert.Single(await bed.JobsAsync(PaymentSyncFlow.Name));
        Assert.Equal((JobState.Failed, "Transient"), (payments.State, payments.ErrorKind));
        await bed.RetryFailedAsync();

        AssertSucceeded(await bed.JobAsync(payments.Id));
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        var invoice = Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!));
        Assert.Equal(("posted", 0m), (invoice.Text("state"), invoice.Number("amount_residual")));
        Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"));
    }

    [Fact]
    public async Task A_payment_whose_answer_was_lost_is_found_by_its_reference_and_not_registered_twice()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 2, 20.00m)));
        bed.LoseAnswer("account.payment.register", "action_create_payments");

        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var payments = Assert.Single(await bed.JobsAsync(PaymentSyncFlow.Name));
        Assert.Equal((JobState.Failed, "Transient"), (payments.State, payments.ErrorKind));
        await bed.RetryFailedAsync();

        AssertSucceeded(await bed.JobAsync(payments.Id));
        var payment = Assert.Single(await bed.Odoo.PaymentsAsync(bed.Origin(orderId) + "/"));
        Assert.Equal(57.5m, payment.Number("amount"));
        Assert.Equal(payment.Id(), Assert.Single(await bed.LinksAsync(RecordLinkKind.Payment)).OdooId);
        var saleOrder = await bed.Odoo.SaleOrderAsync(bed.Origin(orderId));
        Assert.Equal(0m, Assert.Single(await bed.Odoo.MovesAsync("out_invoice", saleOrder.Text("name")!)).Number("amount_residual"));
    }

    private static readonly string[] Settled = ["paid", "in_payment"];
}
