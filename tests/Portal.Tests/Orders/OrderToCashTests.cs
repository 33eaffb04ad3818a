using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Orders;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Settings;
using Portal.Sync.Stores;

namespace Portal.Tests.Orders;

/// <summary>
/// Order-to-cash end to end, written once for both platforms: an order placed in the store and announced by its
/// signed webhook becomes a job in the real portal, whose flows write the sale order, invoice, payments, credit
/// notes and returns in the fake Odoo. Each test places orders of its own; the store and portal are shared.
/// </summary>
public abstract class OrderToCashTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : OrderToCashStore
{
    private static readonly JobState[] Settled = [JobState.Succeeded, JobState.NeedsAttention, JobState.Cancelled];

    protected TStore Store => store;

    /// <summary>A paid order of <paramref name="lines"/> by a customer of its own, shipped to San Francisco.</summary>
    protected FakeOrderSpec Order(string customer, params FakeOrderLineSpec[] lines) =>
        new() { Lines = lines, Email = $"{customer}@example.com", Gateway = store.DefaultGateway };

    protected static FakeOrderLineSpec Line(string sku, int quantity, decimal unitPrice, params FakeTaxSpec[] taxes) => new(sku, sku, quantity, unitPrice, taxes);

    [Fact]
    public async Task A_paid_order_becomes_a_confirmed_sale_order_with_the_stores_lines_prices_taxes_and_totals()
    {
        var spec = Order("simple", Line("MUG-001", 2, 12.50m, OrderToCashStore.StateTax), Line("SOCKS-3PK", 1, 9.99m, OrderToCashStore.StateTax));

        var orderId = await store.PlaceAsync(spec);

        var jobs = await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        var saleOrder = await SaleOrderAsync(orderId);
        Assert.Equal("sale", saleOrder.State);
        Assert.Equal(store.OrderName(orderId), saleOrder.ClientOrderRef);
        Assert.EndsWith($":{orderId}", saleOrder.Origin, StringComparison.Ordinal);
        Assert.Equal([("MUG-001", 2m, 12.50m), ("SOCKS-3PK", 1m, 9.99m)], saleOrder.Lines.Select(l => (l.Sku, l.Quantity, l.PriceUnit)));
        Assert.All(saleOrder.Lines, l => Assert.Equal([OdooTaxes.FivePercent], l.TaxIds));
        AssertTotals(spec, saleOrder);
        var customer = store.Odoo.Records.Partner(saleOrder.PartnerId);
        Assert.Equal(("simple@example.com", "Ada Lovelace", "US", "CA"), (customer.Email, customer.Name, customer.CountryCode, customer.StateCode));

        var links = await LinksAsync();
        Assert.Equal(saleOrder.Id, links.Single(l => l.Kind == RecordLinkKind.Order && l.StoreKey == orderId).OdooId);
        Assert.Equal(saleOrder.Lines.Select(l => l.Id).Order(), links.Where(l => l.Kind == RecordLinkKind.OrderLine && l.StoreKey.StartsWith($"{orderId}/", StringComparison.Ordinal)).Select(l => l.OdooId).Order());
        Assert.Equal(saleOrder.PartnerId, links.Single(l => l.Kind == RecordLinkKind.Customer && l.StoreKey == "email:simple@example.com").OdooId);
        Assert.Contains(links, l => l.Kind == RecordLinkKind.Variant && l.OdooId == store.ProductId("MUG-001"));
        Assert.Equal(Assert.Single(saleOrder.Invoices).Id, links.Single(l => l.Kind == RecordLinkKind.Invoice && l.StoreKey == orderId).OdooId);
    }

    [Fact]
    public async Task A_returning_customer_is_found_by_email_and_not_created_again()
    {
        var first = await store.PlaceAsync(Order("returning", Line("CAP-RED", 1, 19.99m, OrderToCashStore.StateTax)));
        await SettledAsync(first, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        var partners = store.Odoo.Records.Partners().Count;

        var second = await store.PlaceAsync(Order("returning", Line("MUG-001", 1, 12.50m, OrderToCashStore.StateTax)));

        await SettledAsync(second, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        Assert.Equal((await SaleOrderAsync(first)).PartnerId, (await SaleOrderAsync(second)).PartnerId);
        Assert.Single(store.Odoo.Records.Partners(), p => p.Email == "returning@example.com");
        Assert.Equal(partners, store.Odoo.Records.Partners().Count);
    }

    [Fact]
    public async Task A_discount_code_becomes_a_discount_product_line_at_the_lines_taxes()
    {
        var spec = Order("discount", Line("TSHIRT-BLUE-M", 2, 25m, OrderToCashStore.StateTax) with { Discount = 5m }) with { DiscountCode = "SPRING5" };

        var orderId = await store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        var discount = saleOrder.Lines.Single(l => l.Sku == "DISCOUNT");
        Assert.Equal((1m, -5m), (discount.Quantity, discount.PriceUnit));
        Assert.Contains("SPRING5", discount.Name, StringComparison.Ordinal);
        Assert.Equal([OdooTaxes.FivePercent], discount.TaxIds);
        AssertTotals(spec, saleOrder);
    }

    [Fact]
    public async Task A_line_with_several_taxes_carries_each_of_them()
    {
        var spec = Order("taxes", Line("TSHIRT-BLUE-M", 2, 25m, OrderToCashStore.StateTax, OrderToCashStore.CountyTax));

        var orderId = await store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        Assert.Equal([OdooTaxes.FivePercent, OdooTaxes.TenPercent], Assert.Single(saleOrder.Lines).TaxIds.Order());
        Assert.Equal(7.50m, saleOrder.AmountTax);
        AssertTotals(spec, saleOrder);
    }

    [Fact]
    public async Task Prices_including_tax_go_to_an_included_tax_and_the_totals_match()
    {
        var spec = Order("included", Line("NOTE-A5", 1, 36m, OrderToCashStore.Tva)) with
        {
            PricesIncludeTax = true,
            ShippingAddress = FakeAddressSpec.Paris,
            BillingAddress = FakeAddressSpec.Paris,
        };

        var orderId = await store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        var line = Assert.Single(saleOrder.Lines);
        Assert.Equal(36m, line.PriceUnit);
        Assert.Equal([OdooTaxes.TvaIncluded], line.TaxIds);
        Assert.Equal((30m, 6m, 36m), (saleOrder.AmountUntaxed, saleOrder.AmountTax, saleOrder.AmountTotal));
        AssertTotals(spec, saleOrder);
    }

    [Fact]
    public async Task Taxed_shipping_is_a_delivery_line_of_the_mapped_carrier_at_its_taxes()
    {
        var spec = Order("shipping", Line("MUG-001", 1, 12.50m, OrderToCashStore.StateTax)) with
        {
            Shipping = new FakeShippingSpec("Standard", OrderToCashStore.ShippingMethod, 10m, [OrderToCashStore.StateTax]),
        };

        var orderId = await store.PlaceAsync(spec);

        await SucceededAsync(orderId);
        var saleOrder = await SaleOrderAsync(orderId);
        var shipping = saleOrder.Lines.Single(l => l.IsDelivery);
        Assert.Equal(("Delivery_007", 10m), (shipping.Sku, shipping.PriceUnit));
        Assert.Equal([OdooTaxes.FivePercent], shipping.TaxIds);
        Assert.Equal(store.StandardCarrierId, saleOrder.CarrierId);
        AssertTotals(spec, saleOrder);
    }

    [Fact]
    public async Task An_unknown_sku_parks_the_order_until_it_is_linked_and_the_job_is_retried()
    {
        var orderId = await store.PlaceAsync(Order("unknown", Line("GHOST-42", 1, 34.90m, OrderToCashStore.StateTax)));

        var parked = (await SettledAsync(orderId)).Single(j => j.Flow == StoreChangeJobs.OrdersFlow);
        Assert.Equal((JobState.NeedsAttention, nameof(JobErrorKind.Configuration)), (parked.State, parked.ErrorKind));
        Assert.Contains("'GHOST-42'", parked.LastError, StringComparison.Ordinal);
        Assert.Equal($"stores/{store.StoreId}/mappings/products?sku=GHOST-42", parked.FixPath);
        Assert.DoesNotContain(store.Odoo.Records.SaleOrders(), s => s.Origin.EndsWith($":{orderId}", StringComparison.Ordinal));

        await using (var scope = store.AsOwner())
        {
            await scope.ServiceProvider.GetRequiredService<ProductLinks>().AddAsync(store.StoreId, new ProductLinkForm { Sku = "GHOST-42", OdooProductId = store.ProductId("NOTE-A5") });
        }

        Assert.True(await store.Portal.Host.Services.GetRequiredService<JobStore>().RetryAsync(store.TenantId, parked.Id, JobState.NeedsAttention, "owner@alpha.test"));

        await store.Portal.EventuallyAsync(db => db.Jobs.SingleAsync(j => j.Id == parked.Id), j => j.State == JobState.Succeeded, "the retried order");
        Assert.Equal("NOTE-A5", Assert.Single((await SaleOrderAsync(orderId)).Lines).Sku);
    }

    [Fact]
    public async Task A_tax_without_a_mapping_parks_the_order_naming_the_tax()
    {
        var orderId = await store.PlaceAsync(Order("untaxed", Line("MUG-001", 1, 12.50m, new FakeTaxSpec("Luxury Tax", 0.10m))));

        var parked = (await SettledAsync(orderId)).Single(j => j.Flow == StoreChangeJobs.OrdersFlow);

        Assert.Equal((JobState.NeedsAttention, nameof(JobErrorKind.Configuration)), (parked.State, parked.ErrorKind));
        Assert.StartsWith("No tax mapping for 'Luxury Tax' (10 %", parked.LastError, StringComparison.Ordinal);
        Assert.StartsWith($"stores/{store.StoreId}/mappings/taxes?title=Luxury%20Tax&rate=0.1&", parked.FixPath, StringComparison.Ordinal);
        Assert.DoesNotContain(store.Odoo.Records.SaleOrders(), s => s.Origin.EndsWith($":{orderId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_refund_becomes_a_posted_credit_note_of_the_refunded_line_reversing_the_invoice()
    {
        var spec = Order("partial", Line("MUG-001", 2, 12.50m, OrderToCashStore.StateTax), Line("SOCKS-3PK", 1, 9.99m, OrderToCashStore.StateTax));
        var orderId = await store.PlaceAsync(spec);
        await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        var refund = new FakeRefundSpec([new FakeRefundLineSpec(0, 1)]);

        var refundId = await store.RefundAsync(orderId, refund);

        var jobs = await SettledAsync(orderId, j => j.Any(job => job.Flow == StoreChangeJobs.RefundsFlow));
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        var saleOrder = await SaleOrderAsync(orderId);
        var creditNote = Assert.Single(saleOrder.CreditNotes);
        Assert.Equal(("posted", Assert.Single(saleOrder.Invoices).Id), (creditNote.State, creditNote.ReversedEntryId));
        Assert.Equal(FakeOrderMath.RefundAmount(spec, refund), creditNote.AmountTotal);
        Assert.Equal(13.13m, creditNote.AmountTotal);
        var credited = Assert.Single(creditNote.Lines, l => l.ProductId is not null);
        Assert.Equal((store.ProductId("MUG-001"), 1m, 12.50m), (credited.ProductId, credited.Quantity, credited.PriceUnit));
        Assert.Equal([OdooTaxes.FivePercent], credited.TaxIds);
        Assert.Equal(creditNote.Id, (await LinksAsync()).Single(l => l.Kind == RecordLinkKind.Refund && l.StoreKey == refundId).OdooId);
    }

    [Fact]
    public async Task A_full_refund_with_restock_credits_everything_and_shipping_and_returns_the_delivered_goods()
    {
        var spec = Order("restock", Line("MUG-001", 2, 12.50m, OrderToCashStore.StateTax), Line("SOCKS-3PK", 1, 9.99m, OrderToCashStore.StateTax)) with
        {
            Shipping = new FakeShippingSpec("Standard", OrderToCashStore.ShippingMethod, 10m, [OrderToCashStore.StateTax]),
        };
        var orderId = await store.PlaceAsync(spec);
        await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        var delivery = DeliverInOdoo((await SaleOrderAsync(orderId)).Id);
        var refund = new FakeRefundSpec([new FakeRefundLineSpec(0, 2, Restock: true), new FakeRefundLineSpec(1, 1, Restock: true)], Shipping: 10m);

        var refundId = await store.RefundAsync(orderId, refund);

        var jobs = await SettledAsync(orderId, j => j.Any(job => job.Flow == StoreChangeJobs.RefundsFlow));
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        var saleOrder = await SaleOrderAsync(orderId);
        var creditNote = Assert.Single(saleOrder.CreditNotes);
        Assert.Equal(("posted", spec.Total), (creditNote.State, creditNote.AmountTotal));
        Assert.Equal(saleOrder.AmountTotal, creditNote.AmountTotal);
        Assert.Contains(creditNote.Lines, l => l.ProductId == store.ProductId("Delivery_007") && l.PriceUnit == 10m);
        var returned = Assert.Single(store.Odoo.Records.Pickings(), p => p.ReturnOfId == delivery);
        Assert.Equal("incoming", returned.TypeCode);
        Assert.Equal([(store.ProductId("MUG-001"), 2m), (store.ProductId("SOCKS-3PK"), 1m)], returned.Moves.Select(m => (m.ProductId, m.Demand)).Order());
        var links = await LinksAsync();
        Assert.Equal(creditNote.Id, links.Single(l => l.Kind == RecordLinkKind.Refund && l.StoreKey == refundId).OdooId);
        Assert.Equal(returned.Id, links.Single(l => l.Kind == RecordLinkKind.ReturnPicking).OdooId);
    }

    [Fact]
    public async Task A_cancelled_order_that_nothing_was_delivered_of_is_cancelled_in_odoo()
    {
        var orderId = await store.PlaceAsync(Order("cancelled", Line("CAP-RED", 1, 19.99m, OrderToCashStore.StateTax)) with { Paid = false });
        await SucceededAsync(orderId);
        Assert.Equal("draft", (await SaleOrderAsync(orderId)).State);

        await store.CancelAsync(orderId);

        var jobs = await SettledAsync(orderId, j => j.Count(job => job.Flow == StoreChangeJobs.OrdersFlow) == 2);
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        Assert.Equal("cancel", (await SaleOrderAsync(orderId)).State);
    }

    [Fact]
    public async Task A_cancelled_order_that_odoo_delivered_parks_for_a_person()
    {
        var orderId = await store.PlaceAsync(Order("delivered", Line("CAP-RED", 1, 19.99m, OrderToCashStore.StateTax)));
        await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        DeliverInOdoo((await SaleOrderAsync(orderId)).Id);

        await store.CancelAsync(orderId);

        var jobs = await SettledAsync(orderId, j => j.Count(job => job.Flow == StoreChangeJobs.OrdersFlow) == 2);
        var parked = Assert.Single(jobs, j => j.State == JobState.NeedsAttention);
        Assert.Equal((StoreChangeJobs.OrdersFlow, nameof(JobErrorKind.Validation)), (parked.Flow, parked.ErrorKind));
        Assert.Contains("already delivered", parked.LastError, StringComparison.Ordinal);
        Assert.Equal("sale", (await SaleOrderAsync(orderId)).State);
    }

    [Fact]
    public async Task The_same_webhook_twice_makes_one_sale_order()
    {
        var orderId = store.Add(Order("duplicate", Line("MUG-001", 1, 12.50m, OrderToCashStore.StateTax)));

        await SendTwiceAsync(orderId);

        var jobs = await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        Assert.Single(jobs, j => j.Flow == StoreChangeJobs.OrdersFlow);
        var saleOrder = await SaleOrderAsync(orderId);
        Assert.Single(store.Odoo.Records.SaleOrders(), s => s.Origin == saleOrder.Origin);
        Assert.Single(saleOrder.Invoices);
        Assert.Single(store.Odoo.Records.Payments(), p => p.Reference.StartsWith(saleOrder.Origin + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_arriving_right_behind_the_create_leaves_one_sale_order_with_the_latest_lines()
    {
        var orderId = store.Add(Order("updated", Line("MUG-001", 1, 12.50m, OrderToCashStore.StateTax), Line("CAP-RED", 1, 19.99m, OrderToCashStore.StateTax)));
        await store.SendCreatedAsync(orderId);
        store.Update(orderId, spec => spec with { Lines = [spec.Lines[0] with { Quantity = 3 }, spec.Lines[1]] });
        var latest = Order("updated", Line("MUG-001", 3, 12.50m, OrderToCashStore.StateTax), Line("CAP-RED", 1, 19.99m, OrderToCashStore.StateTax));

        await store.SendUpdatedAsync(orderId);

        var jobs = await SettledAsync(orderId, j => j.Count(job => job.Flow == StoreChangeJobs.OrdersFlow) == 2);
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        var saleOrder = await SaleOrderAsync(orderId);
        Assert.Single(store.Odoo.Records.SaleOrders(), s => s.Origin == saleOrder.Origin);
        Assert.Equal([("MUG-001", 3m), ("CAP-RED", 1m)], saleOrder.Lines.Select(l => (l.Sku, l.Quantity)));
        AssertTotals(latest, saleOrder);
    }

    [Fact]
    public async Task Totals_that_odoo_rounds_differently_park_the_order_as_a_quotation_with_the_difference()
    {
        var spec = Order("rounding",
            Line("E-COM07", 1, 1.10m, OrderToCashStore.StateTax), Line("FURN_7777", 1, 1.10m, OrderToCashStore.StateTax), Line("FURN_7800", 1, 1.10m, OrderToCashStore.StateTax),
            Line("TSHIRT-BLUE-M", 1, 1.10m, OrderToCashStore.StateTax), Line("CAP-RED", 1, 1.10m, OrderToCashStore.StateTax));
        Assert.Equal(5.80m, spec.Total);
        store.Odoo.UseTaxRounding("round_globally");
        try
        {
            var orderId = await store.PlaceAsync(spec);

            var parked = (await SettledAsync(orderId)).Single(j => j.Flow == StoreChangeJobs.OrdersFlow);

            Assert.Equal((JobState.NeedsAttention, nameof(JobErrorKind.Validation)), (parked.State, parked.ErrorKind));
            Assert.Equal("Total mismatch: store 5.80, Odoo 5.78 (tax).", parked.LastError);
            var detail = await store.Portal.ReadAsync(db => db.JobStateChanges.Where(c => c.JobId == parked.Id && c.ErrorDetail != null).Select(c => c.ErrorDetail!).SingleAsync());
            Assert.Contains(", total 5.80", detail, StringComparison.Ordinal);
            Assert.Contains(", total 5.78", detail, StringComparison.Ordinal);
            Assert.Contains("rounds taxes globally", detail, StringComparison.Ordinal);
            var saleOrder = await SaleOrderAsync(orderId);
            Assert.Equal(("draft", 5.78m), (saleOrder.State, saleOrder.AmountTotal));
        }
        finally
        {
            store.Odoo.UseTaxRounding("round_per_line");
        }
    }

    [Fact]
    public async Task A_paid_order_is_invoiced_and_its_payment_lands_in_the_journal_of_its_gateway()
    {
        var spec = Order("paypal", Line("FURN_7800", 1, 450m, OrderToCashStore.Vat)) with { Gateway = "paypal" };

        var orderId = await store.PlaceAsync(spec);

        await AssertPaidIntoAsync(orderId, spec, OdooJournals.PayPal, "PayPal");
    }

    [Fact]
    public async Task A_gift_card_payment_lands_in_the_gift_card_journal()
    {
        var spec = Order("giftcard", Line("NOTE-A5", 1, 34.90m, OrderToCashStore.StateTax)) with { Gateway = "gift_card" };

        var orderId = await store.PlaceAsync(spec);

        await AssertPaidIntoAsync(orderId, spec, OdooJournals.GiftCard, "Gift Card");
    }

    /// <summary>Delivers <paramref name="orderId"/>'s first webhook twice with the same body, as a platform's retry does.</summary>
    protected abstract Task SendTwiceAsync(string orderId);

    protected async Task AssertPaidIntoAsync(string orderId, FakeOrderSpec spec, long journalId, string journalName)
    {
        var jobs = await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        var saleOrder = await SaleOrderAsync(orderId);
        var invoice = Assert.Single(saleOrder.Invoices);
        Assert.Equal(("posted", spec.Total, 0m), (invoice.State, invoice.AmountTotal, invoice.AmountResidual));
        Assert.Equal(store.OrderName(orderId), invoice.Ref);
        var payment = Assert.Single(saleOrder.Payments);
        // Odoo 18 keeps a posted bank payment "in process" until the bank statement matches it.
        Assert.Equal((journalId, journalName, spec.Total, "inbound", "in_process"), (payment.JournalId, payment.JournalName, payment.Amount, payment.PaymentType, payment.State));
        Assert.Equal(saleOrder.PartnerId, payment.PartnerId);
        var links = await LinksAsync();
        Assert.Equal(invoice.Id, links.Single(l => l.Kind == RecordLinkKind.Invoice && l.StoreKey == orderId).OdooId);
        Assert.Contains(links, l => l.Kind == RecordLinkKind.Payment && l.OdooId == payment.Id);
    }

    /// <summary>The store's totals, as Odoo computed them for the sale order.</summary>
    protected static void AssertTotals(FakeOrderSpec spec, FakeOdooSaleOrder saleOrder)
    {
        var tax = FakeOrderMath.Tax(spec);
        Assert.Equal((spec.Total - tax, tax, spec.Total), (saleOrder.AmountUntaxed, saleOrder.AmountTax, saleOrder.AmountTotal));
    }

    /// <summary>Waits for the order's first job to succeed.</summary>
    protected async Task SucceededAsync(string orderId)
    {
        var jobs = await SettledAsync(orderId);
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
    }

    /// <summary>Waits until every job of the order has ended (succeeded or parked) and <paramref name="done"/> holds of them.</summary>
    protected Task<List<Job>> SettledAsync(string orderId, Func<List<Job>, bool>? done = null)
    {
        var subject = StoreChangeJobs.OrderSubjectKey(store.StoreId, orderId);
        return store.Portal.EventuallyAsync(db => db.Jobs.Where(j => j.SubjectKey == subject).OrderBy(j => j.CreatedAt).ToListAsync(),
            jobs => jobs.Count > 0 && jobs.All(j => Settled.Contains(j.State)) && (done?.Invoke(jobs) ?? true), $"the jobs of order {orderId} to settle");
    }

    protected Task<List<RecordLink>> LinksAsync() => store.Portal.ReadAsync(db => db.RecordLinks.Where(l => l.StoreId == store.StoreId).ToListAsync());

    /// <summary>The sale order the order is linked to.</summary>
    protected async Task<FakeOdooSaleOrder> SaleOrderAsync(string orderId)
    {
        var link = (await LinksAsync()).Single(l => l.Kind == RecordLinkKind.Order && l.StoreKey == orderId);
        return store.Odoo.Records.SaleOrder(link.OdooId);
    }

    /// <summary>Validates the sale order's delivery in Odoo, as the warehouse would; returns the delivery's id.</summary>
    protected long DeliverInOdoo(long saleOrderId)
    {
        var delivery = Assert.Single(store.Odoo.Records.SaleOrder(saleOrderId).Pickings, p => p.TypeCode == "outgoing");
        store.Odoo.Service.Execute(store.Odoo.Admin, "stock.picking", "button_validate", [delivery.Id], []);
        Assert.Equal("done", store.Odoo.Records.SaleOrder(saleOrderId).Pickings.Single(p => p.Id == delivery.Id).State);
        return delivery.Id;
    }
}
