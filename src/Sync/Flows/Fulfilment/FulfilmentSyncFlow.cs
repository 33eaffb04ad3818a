using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>
/// Finds the deliveries Odoo validated for a store's linked orders since the cursor (less an overlap) and enqueues
/// one <see cref="FulfilmentCreateFlow"/> job per delivery not yet linked, so one that fails holds up no other. Three
/// reads whatever the number of deliveries: the done outgoing pickings changed since the cursor, their done moves,
/// and the delivered quantities of their orders' lines. Returns never appear: only outgoing pickings are read.
/// </summary>
public sealed class FulfilmentSyncFlow(PortalDbContextActivator activator, TenantOdoo tenants, JobStore jobs, Microsoft.Extensions.Options.IOptions<FulfilmentOptions> options,
    TimeProvider clock) : IJobHandler
{
    public const string Name = "fulfilment.sync";
    public const string CursorStream = "odoo.fulfilment";

    private static readonly string[] PickingFields = ["name", "sale_id", "carrier_id", "carrier_tracking_ref", "carrier_tracking_url", "write_date"];

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName, string occasion) =>
        new(Name, $"Look for deliveries of {storeName}'s orders", $"fulfilment-poll:{storeId}", $"fulfilment-poll:{storeId}:{occasion}", StoreId: storeId, Priority: -1);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
        if (store is null || store.RemovedAt is not null || !store.Enabled || store.ProtectedCredentials is null || !store.Features.HasFlag(StoreFeatures.Fulfilment))
        {
            return;
        }

        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.StoreId == store.Id && c.Stream == CursorStream, cancellationToken);
        if (cursor is null)
        {
            // Orders are linked only after the store was connected, so none was delivered before.
            cursor = new SyncCursor { TenantId = store.TenantId, StoreId = store.Id, Stream = CursorStream, Position = store.CreatedAt };
            db.SyncCursors.Add(cursor);
        }

        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var since = (cursor.Position - options.Value.PollOverlap).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var pickings = await odoo.SearchReadAsync("stock.picking",
            OdooDomain.Where("picking_type_code", "=", "outgoing").And(OdooDomain.Where("state", "=", "done"))
                .And(OdooDomain.Where("sale_id", "!=", false)).And(OdooDomain.Where("write_date", ">=", since)),
            PickingFields, order: "write_date asc, id asc", cancellationToken: cancellationToken);

        var found = await DeliveriesAsync(db, odoo, store.Id, pickings.OfType<JsonNode>().ToList(), cancellationToken);
        foreach (var delivery in found)
        {
            await jobs.EnqueueAsync(store.TenantId, FulfilmentCreateFlow.Request(store.Id, delivery), cancellationToken);
        }

        foreach (var picking in pickings.OfType<JsonNode>())
        {
            var changed = OdooTime(picking.Text("write_date"));
            cursor.Position = changed > cursor.Position ? changed : cursor.Position;
        }

        cursor.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The pickings of linked orders that have no fulfilment link yet, with what they shipped of each store line.</summary>
    private static async Task<List<DeliveredPicking>> DeliveriesAsync(PortalDbContext db, OdooClient odoo, Guid storeId, List<JsonNode> pickings, CancellationToken cancellationToken)
    {
        var saleIds = pickings.Select(p => p.ManyToOneId("sale_id")!.Value).Distinct().ToList();
        var linkKeys = pickings.Select(p => DeliveredPicking.LinkKeyOf(p.Id())).ToList();
        var orders = await db.RecordLinks.AsNoTracking()
            .Where(l => l.StoreId == storeId && l.Kind == RecordLinkKind.Order && l.OdooModel == "sale.order" && saleIds.Contains(l.OdooId))
            .ToDictionaryAsync(l => l.OdooId, l => l.StoreKey, cancellationToken);
        var fulfilled = await db.RecordLinks.AsNoTracking()
            .Where(l => l.StoreId == storeId && l.Kind == RecordLinkKind.Fulfilment && linkKeys.Contains(l.StoreKey))
            .Select(l => l.StoreKey).ToListAsync(cancellationToken);
        var due = pickings.Where(p => orders.ContainsKey(p.ManyToOneId("sale_id")!.Value) && !fulfilled.Contains(DeliveredPicking.LinkKeyOf(p.Id()))).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var dueOrders = due.Select(p => p.ManyToOneId("sale_id")!.Value).Distinct().ToList();
        var moves = await odoo.SearchReadAsync("stock.move",
            OdooDomain.In("picking_id", due.Select(p => p.Id())).And(OdooDomain.Where("state", "=", "done")),
            ["picking_id", "product_id", "quantity", "sale_line_id"], cancellationToken: cancellationToken);
        var saleLines = await odoo.SearchReadAsync("sale.order.line", OdooDomain.In("order_id", dueOrders), ["order_id", "qty_delivered"], cancellationToken: cancellationToken);
        var lineIds = saleLines.OfType<JsonNode>().Select(l => l.Id()).ToList();
        var storeLines = (await db.RecordLinks.AsNoTracking()
                .Where(l => l.StoreId == storeId && l.Kind == RecordLinkKind.OrderLine && l.OdooModel == "sale.order.line" && lineIds.Contains(l.OdooId))
                .ToListAsync(cancellationToken))
            .ToDictionary(l => l.OdooId, l => l.StoreKey[(l.StoreKey.IndexOf('/', StringComparison.Ordinal) + 1)..]);

        return due.Select(picking =>
        {
            var saleId = picking.ManyToOneId("sale_id")!.Value;
            var shipped = moves.OfType<JsonNode>()
                .Where(m => m.ManyToOneId("picking_id") == picking.Id() && m.ManyToOneId("sale_line_id") is { } line && storeLines.ContainsKey(line))
                .GroupBy(m => storeLines[m.ManyToOneId("sale_line_id")!.Value])
                .ToDictionary(g => g.Key, g => Units(g.Sum(m => m.Number("quantity"))));
            var deliveredSoFar = saleLines.OfType<JsonNode>()
                .Where(l => l.ManyToOneId("order_id") == saleId && storeLines.ContainsKey(l.Id()))
                .GroupBy(l => storeLines[l.Id()])
                .ToDictionary(g => g.Key, g => Units(g.Sum(l => l.Number("qty_delivered"))));
            return new DeliveredPicking(orders[saleId], picking.Id(), picking.Text("name") ?? DeliveredPicking.LinkKeyOf(picking.Id()), picking.ManyToOneName("carrier_id"),
                picking.Text("carrier_tracking_ref"), picking.Text("carrier_tracking_url"), shipped, deliveredSoFar);
        }).Where(d => d.Lines.Count > 0).ToList();
    }

    private static int Units(decimal quantity) => (int)Math.Round(quantity, MidpointRounding.AwayFromZero);

    private static DateTimeOffset OdooTime(string? text) =>
        text is null ? DateTimeOffset.MinValue : DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
