using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// Finds the Odoo templates to export to a store: those whose template or a variant changed (write_date) since the
/// store's "odoo.products" cursor less an overlap, or every template when a person asks for a full export, and
/// enqueues a <see cref="ProductExportFlow"/> job for each, named by the change's write_date so a repeat is a no-op.
/// A store's first poll only sets its cursor: the existing catalogue is exported on request.
/// </summary>
public sealed class ProductPollFlow(PortalDbContextActivator activator, TenantOdoo tenants, JobStore jobs, IOptions<ProductsOptions> options, TimeProvider clock) : IJobHandler
{
    public const string Name = "products.poll";
    public const string Stream = "odoo.products";

    private const string OdooTime = "yyyy-MM-dd HH:mm:ss";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string occasion) =>
        new(Name, "Odoo product changes", $"products-poll:{storeId}", $"products-poll:{storeId}:{occasion}", StoreId: storeId, Priority: -1);

    public static JobRequest RequestAll(Guid storeId, string occasion) =>
        new(Name, "Export of every Odoo product", $"products-poll:{storeId}", $"products-export-all:{storeId}:{occasion}",
            new JsonObject { ["all"] = true }.ToJsonString(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId && s.RemovedAt == null && s.Enabled, cancellationToken) is not
            { ProductDirection: ProductDirection.OdooToStore } store)
        {
            return;
        }

        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        if (JsonNode.Parse(job.Payload)?["all"]?.GetValue<bool>() == true)
        {
            var all = await odoo.SearchAsync("product.template", OdooDomain.All, order: "id", cancellationToken: cancellationToken);
            await EnqueueAsync(store, all.Select(id => (id, $"all-{job.Id:N}")), cancellationToken);
            return;
        }

        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.StoreId == store.Id && c.Stream == Stream, cancellationToken);
        if (cursor is null)
        {
            db.SyncCursors.Add(new SyncCursor { TenantId = store.TenantId, StoreId = store.Id, Stream = Stream, Position = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var since = (cursor.Position - options.Value.PollOverlap).UtcDateTime.ToString(OdooTime, CultureInfo.InvariantCulture);
        var changed = OdooDomain.Where("write_date", ">=", since).And(OdooDomain.Where("active", "in", new JsonArray(true, false)));
        var templates = await odoo.SearchReadAsync("product.template", changed, ["write_date"], cancellationToken: cancellationToken);
        var variants = await odoo.SearchReadAsync("product.product", changed, ["write_date", "product_tmpl_id"], cancellationToken: cancellationToken);
        var changes = templates.OfType<JsonObject>().Select(t => (Template: t.Id(), WrittenAt: t.Text("write_date")!))
            .Concat(variants.OfType<JsonObject>().Select(v => (Template: v.ManyToOneId("product_tmpl_id")!.Value, WrittenAt: v.Text("write_date")!)))
            .GroupBy(c => c.Template)
            .Select(g => (Template: g.Key, WrittenAt: g.Select(c => c.WrittenAt).Max(StringComparer.Ordinal)!))
            .ToList();
        await EnqueueAsync(store, changes, cancellationToken);
        if (changes.Count > 0)
        {
            var latest = DateTime.ParseExact(changes.Select(c => c.WrittenAt).Max(StringComparer.Ordinal)!, OdooTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            cursor.Position = new DateTimeOffset(latest, TimeSpan.Zero) > cursor.Position ? new DateTimeOffset(latest, TimeSpan.Zero) : cursor.Position;
        }

        cursor.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnqueueAsync(Store store, IEnumerable<(long Template, string Version)> exports, CancellationToken cancellationToken)
    {
        foreach (var (template, version) in exports)
        {
            await jobs.EnqueueAsync(store.TenantId, ProductExportFlow.Request(store.Id, template, version), cancellationToken);
        }
    }
}
