using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Webhooks;

public class WebhookInboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset OrderVersion = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);
    private SyncTestHost host = default!;
    private Guid tenant;
    private Guid store;

    private WebhookInbox Inbox => host.Services.GetRequiredService<WebhookInbox>();

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        tenant = await host.AddTenantAsync("Alpha");
        await using var db = Database();
        var shop = new Store { Platform = StorePlatform.Shopify, Name = "alpha.myshopify.com", Address = "alpha.myshopify.com", CreatedAt = host.Clock.GetUtcNow() };
        db.Stores.Add(shop);
        await db.SaveChangesAsync();
        store = shop.Id;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private PortalDbContext Database() => host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenant));

    private WebhookDelivery Delivery(string deliveryKey, Guid? storeId = null) => new()
    {
        TenantId = tenant,
        StoreId = storeId ?? store,
        Topic = "orders/updated",
        DeliveryKey = deliveryKey,
        ReceivedAt = host.Clock.GetUtcNow(),
        Body = Encoding.UTF8.GetBytes($$"""{"key":"{{deliveryKey}}"}"""),
        ContentType = "application/json",
        Headers = "{}",
        Status = WebhookDeliveryStatus.Accepted,
    };

    private JobRequest OrderJob(int order) =>
        new("orders.sync", $"Order #{order}", $"order:{store}:{order}", StoreEventKeys.OrderChange(store, order.ToString(System.Globalization.CultureInfo.InvariantCulture), OrderVersion), "{}", store);

    [Fact]
    public async Task Deliveries_arriving_together_are_each_kept_once_with_one_job_per_order_version_and_repeats_counted()
    {
        // 20 orders, each seen through three topics, and every delivery sent twice: 120 at once.
        var deliveries = Enumerable.Range(0, 60).Select(i => (Key: $"evt-{i}", Order: i % 20)).ToList();

        // Own threads, so deliveries really arrive while others are being written.
        var entries = await Task.WhenAll(deliveries.Concat(deliveries)
            .Select(d => Task.Run(async () => (d.Key, d.Order, Entry: await Inbox.KeepAsync(Delivery(d.Key), OrderJob(d.Order))))));

        Assert.All(entries.GroupBy(e => e.Key), sent =>
        {
            Assert.Single(sent, e => !e.Entry.Redelivered);
            Assert.Single(sent.Select(e => (e.Entry.DeliveryId, e.Entry.JobId)).Distinct());
        });
        Assert.All(entries.GroupBy(e => e.Order), order => Assert.Single(order.Select(e => e.Entry.JobId).Distinct()));
        await using var db = Database();
        var kept = await db.WebhookDeliveries.ToListAsync();
        Assert.Equal(60, kept.Count);
        Assert.All(kept, d => Assert.Equal(1, d.DuplicatesSkipped));
        var jobs = await db.Jobs.ToListAsync();
        Assert.Equal(20, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(2, j.DuplicatesSkipped));
        Assert.Equal(jobs.Select(j => j.Id).Order(), kept.Select(d => d.JobId!.Value).Distinct().Order());
    }

    [Fact]
    public async Task A_delivery_that_cannot_be_written_fails_alone_and_leaves_no_job_behind()
    {
        var missingStore = Guid.NewGuid();

        var good = Enumerable.Range(0, 10).Select(i => Task.Run(() => Inbox.KeepAsync(Delivery($"good-{i}"), OrderJob(100 + i)))).ToList();
        var bad = Task.Run(() => Inbox.KeepAsync(Delivery("bad", missingStore), OrderJob(200)));

        await Assert.ThrowsAnyAsync<DbException>(() => bad);
        Assert.All(await Task.WhenAll(good), entry => Assert.False(entry.Redelivered));
        await using var db = Database();
        Assert.Equal(10, await db.WebhookDeliveries.CountAsync());
        Assert.Equal(10, await db.Jobs.CountAsync());
        Assert.False(await db.Jobs.AnyAsync(j => j.IdentityKey == OrderJob(200).IdentityKey));
    }

    [Fact]
    public async Task Deliveries_handed_over_before_shutdown_are_still_kept_and_later_ones_are_refused()
    {
        var inbox = new WebhookInbox(host.Services.GetRequiredService<JobStore>());
        var handedOver = Enumerable.Range(0, 20).Select(i => inbox.KeepAsync(Delivery($"late-{i}"), OrderJob(300 + i))).ToList();

        await inbox.DisposeAsync();

        Assert.All(await Task.WhenAll(handedOver), entry => Assert.NotNull(entry.JobId));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => inbox.KeepAsync(Delivery("after"), OrderJob(400)));
        await using var db = Database();
        Assert.Equal(20, await db.WebhookDeliveries.CountAsync());
    }
}
