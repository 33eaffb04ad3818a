using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Stores;

public class StorePollTests : IAsyncLifetime
{
    private StoreTestBed bed = default!;
    private Guid storeId;
    private DateTimeOffset connectedAt;

    public async Task InitializeAsync()
    {
        bed = await StoreTestBed.StartAsync();
        connectedAt = bed.Host.Clock.GetUtcNow();
        storeId = await bed.ConnectShopifyAsync();
        await bed.RunJobsAsync();
    }

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private StoreScheduler Scheduler => bed.Host.Services.GetRequiredService<StoreScheduler>();

    private async Task PollAsync()
    {
        Assert.Equal(1, await Scheduler.EnqueueDuePollsAsync());
        await bed.RunJobsAsync();
    }

    private async Task<DateTimeOffset> CursorAsync() =>
        await bed.ReadAsync(db => db.SyncCursors.IgnoreQueryFilters().Where(c => c.StoreId == storeId && c.Stream == StorePollFlow.OrdersStream)
            .Select(c => c.Position).SingleAsync());

    [Fact]
    public async Task A_poll_enqueues_every_order_changed_since_connecting_and_each_refund_across_pages()
    {
        bed.Shopify.Orders.Add(InMemoryStore.Order("1001", connectedAt.AddMinutes(-30)));
        bed.Shopify.Orders.Add(InMemoryStore.Order("1002", connectedAt.AddMinutes(1)));
        bed.Shopify.Orders.Add(InMemoryStore.Order("1003", connectedAt.AddMinutes(2), "77"));
        bed.Shopify.Orders.Add(InMemoryStore.Order("1004", connectedAt.AddMinutes(3)));

        await PollAsync();

        var orders = await bed.JobsAsync(StoreChangeJobs.OrdersFlow);
        Assert.Equal(["Order #1002", "Order #1003", "Order #1004"], orders.Select(j => j.Subject).Order(StringComparer.Ordinal));
        Assert.All(orders, j => Assert.Equal(storeId, j.StoreId));
        Assert.Equal("1002", JsonDocument.Parse(orders.Single(j => j.Subject == "Order #1002").Payload).RootElement.GetProperty("resourceId").GetString());
        var refund = Assert.Single(await bed.JobsAsync(StoreChangeJobs.RefundsFlow));
        Assert.Equal(StoreEventKeys.Refund(storeId, "77"), refund.IdentityKey);
        Assert.Equal($"order:{storeId}:1003", refund.SubjectKey);
        Assert.Equal(connectedAt.AddMinutes(3), await CursorAsync());
    }

    [Fact]
    public async Task The_overlap_window_rereads_without_enqueuing_a_change_twice_and_a_new_version_is_enqueued()
    {
        bed.Shopify.Orders.Add(InMemoryStore.Order("1002", connectedAt.AddMinutes(1)));
        await PollAsync();
        bed.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        bed.Shopify.Orders.Add(InMemoryStore.Order("1002", connectedAt.AddMinutes(4)));

        await PollAsync();

        Assert.Equal(connectedAt.AddMinutes(1) - TimeSpan.FromMinutes(10), bed.Shopify.ListedSince[^1]);
        var jobs = await bed.JobsAsync(StoreChangeJobs.OrdersFlow);
        Assert.Equal(
            [StoreEventKeys.OrderChange(storeId, "1002", connectedAt.AddMinutes(1)), StoreEventKeys.OrderChange(storeId, "1002", connectedAt.AddMinutes(4))],
            jobs.Select(j => j.IdentityKey));
    }

    [Fact]
    public async Task A_poll_and_a_webhook_of_the_same_order_version_make_one_job()
    {
        var order = InMemoryStore.Order("1002", connectedAt.AddMinutes(1));
        await bed.Host.Services.GetRequiredService<Portal.Sync.Jobs.JobStore>().EnqueueAsync(bed.TenantId, StoreChangeJobs.OrderChanged(storeId, order) with { Payload = "{}" });
        bed.Shopify.Orders.Add(order);

        await PollAsync();

        Assert.Single(await bed.JobsAsync(StoreChangeJobs.OrdersFlow));
    }

    [Fact]
    public async Task One_poll_per_store_and_interval_however_often_the_schedule_fires_and_none_for_a_disabled_store()
    {
        Assert.Equal(1, await Scheduler.EnqueueDuePollsAsync());
        Assert.Equal(0, await Scheduler.EnqueueDuePollsAsync());
        await bed.RunJobsAsync();
        Assert.Equal(0, await Scheduler.EnqueueDuePollsAsync());

        await using (var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Owner))
        {
            await scope.ServiceProvider.GetRequiredService<StoreDirectory>().SetEnabledAsync(storeId, enabled: false);
        }

        bed.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await Scheduler.EnqueueDuePollsAsync());
    }

    [Fact]
    public async Task A_failed_poll_is_retried_from_the_same_point()
    {
        bed.Shopify.Orders.Add(InMemoryStore.Order("1002", connectedAt.AddMinutes(1)));
        bed.Shopify.Failure = new StoreApiException(StoreApiErrorKind.Transient, "Shopify answered 503.", 503);
        await PollAsync();
        Assert.Equal(JobState.Failed, (await bed.JobsAsync(StorePollFlow.Name)).Single().State);
        Assert.Empty(await bed.JobsAsync(StoreChangeJobs.OrdersFlow));

        bed.Shopify.Failure = null;
        bed.Host.Clock.Advance(TimeSpan.FromHours(1));
        await bed.RunJobsAsync();

        Assert.Equal(JobState.Succeeded, (await bed.JobsAsync(StorePollFlow.Name)).Single().State);
        Assert.Equal(connectedAt.AddMinutes(-10), Assert.Single(bed.Shopify.ListedSince));
        Assert.Single(await bed.JobsAsync(StoreChangeJobs.OrdersFlow));
    }
}
