using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Orders;
using Portal.Sync.Flows.Fulfilment;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;
using Portal.Tests.Orders;

namespace Portal.Tests.Fulfilment;

/// <summary>
/// Fulfilment end to end, written once for both platforms: an order imported through its signed webhook is delivered
/// in the fake Odoo as a warehouse would; once the clock passes the poll interval the portal's own scheduler and
/// workers find the delivery and record it in the store. Each test places orders of its own.
/// </summary>
public abstract class FulfilmentTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : OrderToCashStore, IFulfilmentStore
{
    protected const string Carrier = "Standard delivery";

    private static readonly JobState[] Settled = [JobState.Succeeded, JobState.NeedsAttention, JobState.Cancelled];

    protected TStore Store => store;

    [Fact]
    public async Task A_full_delivery_becomes_one_fulfilment_with_the_carrier_tracking_number_and_link()
    {
        var orderId = await ImportedAsync("full", Line("MUG-001", 2), Line("SOCKS-3PK", 1));

        await ShipAsync(orderId, "TRACK-FULL");
        await PollAsync();

        await FulfilledAsync(orderId, 1);
        var shipment = Assert.Single(Shipments(orderId));
        Assert.Equal(new StoreShipment(Carrier, "TRACK-FULL", TrackingUrl("TRACK-FULL"), CustomerNotified: true), shipment);
        Assert.True(IsFullyShipped(orderId));
        AssertShipped(orderId, new() { ["MUG-001"] = 2, ["SOCKS-3PK"] = 1 });
    }

    [Fact]
    public async Task A_partial_delivery_is_a_partial_fulfilment_and_its_backorder_the_rest()
    {
        var orderId = await ImportedAsync("partial", Line("MUG-001", 3), Line("SOCKS-3PK", 2));

        var backorder = await ShipAsync(orderId, "TRACK-PART-1", new() { [store.ProductId("MUG-001")] = 2m });
        await PollAsync();

        await FulfilledAsync(orderId, 1);
        Assert.False(IsFullyShipped(orderId));
        AssertShipped(orderId, new() { ["MUG-001"] = 2 });

        Assert.NotNull(backorder);
        Assert.Null(await ShipAsync(orderId, "TRACK-PART-2"));
        await PollAsync();

        await FulfilledAsync(orderId, 2);
        Assert.Equal(["TRACK-PART-1", "TRACK-PART-2"], Shipments(orderId).Select(s => s.TrackingNumber).Order());
        Assert.True(IsFullyShipped(orderId));
        AssertShipped(orderId, new() { ["MUG-001"] = 3, ["SOCKS-3PK"] = 2 });
    }

    [Fact]
    public async Task Polling_again_or_repeating_a_fulfilment_whose_answer_was_lost_records_nothing_twice()
    {
        var orderId = await ImportedAsync("repeat", Line("CAP-RED", 1));
        await ShipAsync(orderId, "TRACK-REPEAT");
        await PollAsync();
        var created = (await FulfilledAsync(orderId, 1)).Single(j => j.Flow == FulfilmentCreateFlow.Name);

        await PollAsync();
        await store.Portal.ReadAsync(db => db.RecordLinks.Where(l => l.StoreId == store.StoreId && l.Kind == RecordLinkKind.Fulfilment).ExecuteDeleteAsync());
        var handler = store.Portal.Host.Services.GetServices<IJobHandler>().Single(h => h.Flow == FulfilmentCreateFlow.Name);
        var repeat = new ClaimedJob(Guid.NewGuid(), store.TenantId, store.StoreId, FulfilmentCreateFlow.Name, created.Subject, created.Payload, 1);
        await handler.RunAsync(repeat, CancellationToken.None);

        await FulfilledAsync(orderId, 1);
        Assert.Single(Shipments(orderId));
        AssertShipped(orderId, new() { ["CAP-RED"] = 1 });
    }

    [Fact]
    public async Task The_customer_is_not_told_when_the_store_says_so()
    {
        await store.Portal.ReadAsync(async db =>
        {
            db.StoreOutboundSettings.Add(new StoreOutboundSettings { StoreId = store.StoreId, TenantId = store.TenantId, NotifyCustomerOnFulfilment = false });
            return await db.SaveChangesAsync();
        });
        try
        {
            var orderId = await ImportedAsync("quiet", Line("NOTE-A5", 1));

            await ShipAsync(orderId, "TRACK-QUIET");
            await PollAsync();

            await FulfilledAsync(orderId, 1);
            Assert.False(Assert.Single(Shipments(orderId)).CustomerNotified);
        }
        finally
        {
            await store.Portal.ReadAsync(db => db.StoreOutboundSettings.Where(s => s.StoreId == store.StoreId).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task A_store_that_invoices_on_fulfilment_is_invoiced_and_paid_once_odoo_delivered()
    {
        await SetInvoicePolicyAsync(InvoicePolicy.OnFulfilment);
        try
        {
            var orderId = await ImportedAsync("invoiced", Line("TSHIRT-BLUE-M", 1));
            Assert.Empty((await SaleOrderAsync(orderId)).Invoices);

            await ShipAsync(orderId, "TRACK-INVOICE");
            await PollAsync();

            var jobs = await SettledAsync(orderId, j => j.Count(job => job.Flow == PaymentSyncFlow.Name) == 2 && j.Any(job => job.Flow == FulfilmentCreateFlow.Name));
            Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
            var saleOrder = await SaleOrderAsync(orderId);
            Assert.Equal("posted", Assert.Single(saleOrder.Invoices).State);
            Assert.Single(saleOrder.Payments);
        }
        finally
        {
            await SetInvoicePolicyAsync(InvoicePolicy.OnImport);
        }
    }

    /// <summary>The records of each delivery the store holds for the order, oldest first.</summary>
    protected abstract IReadOnlyList<StoreShipment> Shipments(string orderId);

    /// <summary>Whether the store considers every line of the order shipped.</summary>
    protected abstract bool IsFullyShipped(string orderId);

    /// <summary>Checks the quantities the store recorded as shipped per SKU, where the platform records them.</summary>
    protected abstract void AssertShipped(string orderId, Dictionary<string, int> expected);

    protected static FakeOrderLineSpec Line(string sku, int quantity) => new(sku, sku, quantity, 10m, [OrderToCashStore.StateTax]);

    private static string TrackingUrl(string reference) => FakeOdooSeed.StandardTrackingLink.Replace("<shipmenttrackingnumber>", reference, StringComparison.Ordinal);

    /// <summary>Places a paid order shipped with the mapped carrier and waits until Odoo has it with its payments.</summary>
    private async Task<string> ImportedAsync(string customer, params FakeOrderLineSpec[] lines)
    {
        var orderId = await store.PlaceAsync(new FakeOrderSpec
        {
            Lines = lines,
            Email = $"{customer}.fulfilment@example.com",
            Gateway = store.DefaultGateway,
            Shipping = new FakeShippingSpec("Standard", OrderToCashStore.ShippingMethod, 5m, [OrderToCashStore.StateTax]),
        });
        var jobs = await SettledAsync(orderId, j => j.Any(job => job.Flow == PaymentSyncFlow.Name));
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        return orderId;
    }

    /// <summary>Validates the order's open delivery in Odoo; returns the backorder Odoo made of what was not picked, if any.</summary>
    private async Task<long?> ShipAsync(string orderId, string trackingReference, Dictionary<long, decimal>? picked = null)
    {
        var saleOrder = await SaleOrderAsync(orderId);
        var delivery = Assert.Single(saleOrder.Pickings, p => p.TypeCode == "outgoing" && p.State is not ("done" or "cancel"));
        return new FakeOdooWarehouse(store.Odoo).Ship(delivery.Id, trackingReference, picked);
    }

    /// <summary>Moves the clock past the poll interval and lets the scheduler do what its timer would, then waits for the poll.</summary>
    private async Task PollAsync()
    {
        await store.Portal.EventuallyAsync(db => db.Jobs.Where(j => j.Flow == FulfilmentSyncFlow.Name && !Settled.Contains(j.State)).CountAsync(), n => n == 0, "the last delivery poll");
        store.Clock.Advance(TimeSpan.FromSeconds(61));
        var polls = await store.Portal.ReadAsync(db => db.Jobs.CountAsync(j => j.Flow == FulfilmentSyncFlow.Name));
        await store.Portal.Host.Services.GetRequiredService<FulfilmentScheduler>().EnqueueDueAsync();
        await store.Portal.EventuallyAsync(db => db.Jobs.Where(j => j.Flow == FulfilmentSyncFlow.Name).Select(j => j.State).ToListAsync(),
            states => states.Count > polls && states.All(Settled.Contains), "the delivery poll");
    }

    private Task<List<Job>> FulfilledAsync(string orderId, int deliveries) =>
        SettledAsync(orderId, jobs => jobs.Count(j => j.Flow == FulfilmentCreateFlow.Name) == deliveries && jobs.Where(j => j.Flow == FulfilmentCreateFlow.Name).All(j => j.State == JobState.Succeeded));

    private Task<List<Job>> SettledAsync(string orderId, Func<List<Job>, bool> done)
    {
        var subject = StoreChangeJobs.OrderSubjectKey(store.StoreId, orderId);
        return store.Portal.EventuallyAsync(db => db.Jobs.Where(j => j.SubjectKey == subject).OrderBy(j => j.CreatedAt).ToListAsync(),
            jobs => jobs.Count > 0 && jobs.All(j => Settled.Contains(j.State)) && done(jobs), $"the jobs of order {orderId} to settle");
    }

    private async Task<FakeOdooSaleOrder> SaleOrderAsync(string orderId)
    {
        var link = await store.Portal.ReadAsync(db => db.RecordLinks.SingleAsync(l => l.StoreId == store.StoreId && l.Kind == RecordLinkKind.Order && l.StoreKey == orderId));
        return store.Odoo.Records.SaleOrder(link.OdooId);
    }

    private Task<int> SetInvoicePolicyAsync(InvoicePolicy policy) =>
        store.Portal.ReadAsync(db => db.StoreOrderSettings.Where(s => s.StoreId == store.StoreId).ExecuteUpdateAsync(s => s.SetProperty(x => x.InvoicePolicy, policy)));
}
