using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Webhooks;

/// <summary>
/// Every webhook the active tenant's stores delivered, as the inbox kept it: the accepted ones next to the
/// malformed and unsupported ones nothing ran for, so none goes unseen. Anyone in the tenant reads.
/// </summary>
public sealed class WebhookDeliveryLog(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant)
{
    private static readonly Expression<Func<WebhookDelivery, Store, WebhookDeliveryRow>> RowOf = (d, s) =>
        new WebhookDeliveryRow(d.Id, d.ReceivedAt, d.StoreId, s.Name, s.Platform, d.Topic, d.Status, d.Problem, d.DuplicatesSkipped, d.JobId);

    /// <summary>One page of the deliveries that match, newest first; deliveries received at the same instant keep one order across pages.</summary>
    public async Task<(IReadOnlyList<WebhookDeliveryRow> Items, int Total)> ListAsync(WebhookDeliveryQuery query, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deliveries = Filter(db.WebhookDeliveries, query);
        var total = await deliveries.CountAsync(cancellationToken);
        var items = await deliveries
            .OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            .Join(db.Stores, d => d.StoreId, s => s.Id, RowOf)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>One delivery with its headers and readable body; null when the tenant has no such delivery.</summary>
    public async Task<WebhookDeliveryDetail?> DetailAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = db.WebhookDeliveries.Where(d => d.Id == deliveryId);
        var row = await delivery.Join(db.Stores, d => d.StoreId, s => s.Id, RowOf).SingleOrDefaultAsync(cancellationToken);
        var kept = await delivery.Select(d => new { d.DeliveryKey, d.ContentType, d.Headers, d.Body }).SingleOrDefaultAsync(cancellationToken);
        return row is null || kept is null
            ? null
            : new WebhookDeliveryDetail(row, kept.DeliveryKey, kept.ContentType, HeadersOf(kept.Headers), WebhookBodyText.Of(kept.Body));
    }

    private static IQueryable<WebhookDelivery> Filter(IQueryable<WebhookDelivery> deliveries, WebhookDeliveryQuery query)
    {
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (query.StoreId is { } store)
        {
            deliveries = deliveries.Where(d => d.StoreId == store);
        }

        if (query.Text is { Length: > 0 } text)
        {
            deliveries = deliveries.Where(d => d.Topic.Contains(text) || d.DeliveryKey.Contains(text) || (d.Problem != null && d.Problem.Contains(text)));
        }

        if (query.ReceivedFrom is { } from)
        {
            deliveries = deliveries.Where(d => d.ReceivedAt >= from);
        }

        if (query.ReceivedBefore is { } before)
        {
            deliveries = deliveries.Where(d => d.ReceivedAt < before);
        }

        return deliveries;
    }

    /// <summary>The kept headers by name; kept text that is not a JSON object is shown whole rather than lost.</summary>
    private static List<KeyValuePair<string, string>> HeadersOf(string headers)
    {
        try
        {
            using var json = JsonDocument.Parse(headers);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return json.RootElement.EnumerateObject()
                    .Select(h => KeyValuePair.Create(h.Name, h.Value.ValueKind == JsonValueKind.String ? h.Value.GetString()! : h.Value.GetRawText()))
                    .ToList();
            }
        }
        catch (JsonException)
        {
            // Falls through to the text as kept.
        }

        return [KeyValuePair.Create("Headers", headers)];
    }
}
