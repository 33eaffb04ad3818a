using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>
/// Records one Odoo delivery in its store (see <see cref="IStoreFulfilments"/>) and links the picking with the job's
/// outcome, so the poll's next look passes it by. When the store invoices on fulfilment, the order's payments job
/// runs again now that something was delivered, which makes the invoice.
/// </summary>
public sealed class FulfilmentCreateFlow(PortalDbContextActivator activator, StoreClients stores, RecordLinks recordLinks) : IJobHandler
{
    public const string Name = "fulfilment.create";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, DeliveredPicking delivery) =>
        new(Name, $"Fulfil delivery {delivery.Reference}", StoreChangeJobs.OrderSubjectKey(storeId, delivery.OrderId),
            $"{{store:{storeId}}}:fulfilment:{delivery.LinkKey}", delivery.ToJson(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var delivery = DeliveredPicking.Parse(job.Payload);
        Store? store;
        StoreOrderSettings? orderSettings;
        StoreOutboundSettings? outbound;
        await using (var db = activator.Create(TenantContext.SystemFor(job.TenantId)))
        {
            store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
            orderSettings = await db.StoreOrderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == job.StoreId, cancellationToken);
            outbound = await db.StoreOutboundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == job.StoreId, cancellationToken);
        }

        if (store is null || store.RemovedAt is not null || !store.Enabled || !store.Features.HasFlag(StoreFeatures.Fulfilment)
            || (await recordLinks.FindAsync(job.TenantId, store.Id, [delivery.LinkKey], cancellationToken)).Find(RecordLinkKind.Fulfilment, delivery.LinkKey) is not null)
        {
            return;
        }

        var client = stores.For(store);
        var order = await client.OrderAsync(delivery.OrderId, cancellationToken)
                    ?? throw new JobNeedsPersonException($"The store no longer has order {delivery.OrderId}, which Odoo's delivery {delivery.Reference} shipped.");
        var notify = (outbound ?? new StoreOutboundSettings { StoreId = store.Id, TenantId = store.TenantId }).NotifyCustomerOnFulfilment;
        await client.Fulfilments.FulfilAsync(order, delivery.ToStoreDelivery(notify), cancellationToken);
        job.Effects.Link(RecordLinkKind.Fulfilment, delivery.LinkKey, "stock.picking", delivery.PickingId);

        if (orderSettings?.InvoicePolicy == InvoicePolicy.OnFulfilment && store.Features.HasFlag(StoreFeatures.Payments))
        {
            // The payments job of the order's import stopped short of invoicing; this one, named after the delivery, runs it again.
            job.Effects.Enqueue(new JobRequest(PaymentSyncFlow.Name, $"Payments of order {order.Name} after delivery {delivery.Reference}",
                StoreChangeJobs.OrderSubjectKey(store.Id, order.Id), $"{{store:{store.Id}}}:payments:{order.Id}:{delivery.LinkKey}",
                new JsonObject { ["resourceId"] = order.Id }.ToJsonString(), store.Id));
        }
    }
}
