using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>
/// Imports the orders a store changed since a time a person chose (a new store's history, or orders missed while a
/// feature was off): the same listing and the same jobs as <see cref="StorePollFlow"/>, so an order already imported
/// costs nothing, but the poll's cursor is left where it is.
/// </summary>
public sealed class RecentOrdersImportFlow(PortalDbContextActivator activator, StoreClients clients, JobStore jobs) : IJobHandler
{
    public const string Name = "store.import-orders";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName, DateTimeOffset since, string occasion) =>
        new(Name, $"Import {storeName}'s orders changed since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC", $"store-poll:{storeId}", $"import-orders:{storeId}:{occasion}",
            new JsonObject { ["since"] = since.UtcDateTime }.ToJsonString(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
        if (store is null || store.RemovedAt is not null || !store.Enabled || store.ProtectedCredentials is null || !store.Features.HasFlag(StoreFeatures.Orders))
        {
            return;
        }

        var since = new DateTimeOffset(JsonNode.Parse(job.Payload)!["since"]!.GetValue<DateTime>(), TimeSpan.Zero);
        var client = clients.For(store);
        string? page = null;
        do
        {
            var changes = await client.OrdersChangedSinceAsync(since, page, cancellationToken);
            foreach (var order in changes.Items)
            {
                await StoreChangeJobs.EnqueueAsync(jobs, store, order, cancellationToken);
            }

            page = changes.NextCursor;
        }
        while (page is not null);
    }
}
