using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Stores;

public class RecentOrdersImportTests : IAsyncLifetime
{
    private StoreTestBed bed = default!;
    private Guid storeId;

    public async Task InitializeAsync()
    {
        bed = await StoreTestBed.StartAsync();
        storeId = await bed.ConnectShopifyAsync();
        await bed.RunJobsAsync();
    }

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private async Task<string> QueueAsync(int days)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Admin);
        return await scope.ServiceProvider.GetRequiredService<RecentOrdersImports>().QueueAsync(storeId, new RecentOrdersImportForm { Days = days });
    }

    [Fact]
    public async Task The_orders_changed_in_the_chosen_days_become_the_jobs_a_webhook_would_make_and_the_polls_cursor_stays()
    {
        var now = bed.Host.Clock.GetUtcNow();
        bed.Shopify.Orders.Add(InMemoryStore.Order("1001", now.AddDays(-10)));
        bed.Shopify.Orders.Add(InMemoryStore.Order("1002", now.AddDays(-2), "77"));
        bed.Shopify.Orders.Add(InMemoryStore.Order("1003", now.AddHours(-1)));

        var said = await QueueAsync(3);
        await bed.RunJobsAsync();

        Assert.StartsWith($"Queued a {RecentOrdersImportFlow.Name} job", said, StringComparison.Ordinal);
        Assert.Equal(["Order #1002", "Order #1003"], (await bed.JobsAsync(StoreChangeJobs.OrdersFlow)).Select(j => j.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(StoreEventKeys.Refund(storeId, "77"), Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow)).IdentityKey);
        Assert.Equal(JobState.Succeeded, Assert.Single(await bed.JobsAsync(RecentOrdersImportFlow.Name)).State);
        Assert.False(await bed.ReadAsync(db => db.SyncCursors.IgnoreQueryFilters().AnyAsync(c => c.StoreId == storeId && c.Stream == StorePollFlow.OrdersStream)));

        await QueueAsync(3);
        await bed.RunJobsAsync();
        Assert.Equal(2, (await bed.JobsAsync(StoreChangeJobs.OrdersFlow)).Count);
    }

    [Fact]
    public async Task A_store_whose_orders_are_off_is_not_asked()
    {
        await using (var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.TenantId)))
        {
            (await db.Stores.SingleAsync()).Features = StoreFeatures.Stock;
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => QueueAsync(3));

        Assert.Contains("with the Orders feature on", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await bed.JobsAsync(RecentOrdersImportFlow.Name));
    }
}
