using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;

namespace Portal.Tests.Stores;

/// <summary>A WooCommerce site connected through the portal, end to end over real HTTP: subscriptions, signed deliveries, polling, removal.</summary>
public class WooCommerceIntakeTests : IAsyncLifetime
{
    private StoreIntakeHost portal = default!;
    private FakeWooCommerceServer site = default!;

    public async Task InitializeAsync()
    {
        site = await FakeWooCommerceServer.StartAsync();
        portal = await StoreIntakeHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await site.DisposeAsync();
    }

    private Task<StoreConnectResult> ConnectAsync() => portal.AsOwnerAsync(directory => directory.ConnectWooCommerceAsync(new WooCommerceStoreForm
    {
        Name = "Wholesale",
        SiteUrl = site.Url.AbsoluteUri,
        ConsumerKey = site.ReadWriteKey.ConsumerKey,
        ConsumerSecret = site.ReadWriteKey.ConsumerSecret,
    }));

    [Fact]
    public async Task A_connected_site_gets_its_webhooks_its_signed_deliveries_become_jobs_and_a_missed_one_is_polled()
    {
        var connected = await ConnectAsync();
        Assert.True(connected.Connected, connected.Message);
        var storeId = connected.StoreId!.Value;

        var subscriptions = await portal.EventuallyAsync(db => db.WebhookSubscriptions.ToListAsync(), s => s.Count == 3, "three webhook subscriptions");
        Assert.All(subscriptions, s => Assert.Equal(WebhookSubscriptionStatus.Active, s.Status));
        var hooks = site.Shop.Webhooks;
        Assert.Equal(["order.created", "order.deleted", "order.updated"], hooks.Select(h => h.Topic).Order(StringComparer.Ordinal));
        Assert.All(hooks, h => Assert.Equal($"{portal.Host.BaseAddress.AbsoluteUri.TrimEnd('/')}/webhooks/woocommerce/{storeId}", h.DeliveryUrl.AbsoluteUri));
        var pings = site.Deliveries.Where(d => d.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pings.Count);
        Assert.All(pings, d => Assert.Equal(200, d.Status));

        var delivered = site.Shop.AddOrder(DateTimeOffset.UtcNow.AddSeconds(1));
        var delivery = await site.SendWebhookAsync(hooks.Single(h => h.Topic == "order.created").Id, delivered);
        Assert.Equal(200, delivery.Status);
        var missed = site.Shop.AddOrder(DateTimeOffset.UtcNow.AddSeconds(2));

        Assert.Equal(1, await portal.Host.Services.GetRequiredService<StoreScheduler>().EnqueueDuePollsAsync());
        var orderJobs = await portal.EventuallyAsync(db => db.Jobs.Where(j => j.Flow == StoreChangeJobs.OrdersFlow).ToListAsync(), j => j.Count >= 2, "two order jobs");
        await portal.EventuallyAsync(db => db.Jobs.CountAsync(j => j.Flow == StorePollFlow.Name && j.State == JobState.Succeeded), n => n == 1, "the poll to finish");

        orderJobs = await portal.JobsAsync(StoreChangeJobs.OrdersFlow);
        Assert.Equal([$"Order #{delivered}", $"Order #{missed}"], orderJobs.Select(j => j.Subject).Order(StringComparer.Ordinal));
        var inbox = Assert.Single(await portal.ReadAsync(db => db.WebhookDeliveries.ToListAsync()));
        Assert.Equal((WebhookDeliveryStatus.Accepted, "order.created"), (inbox.Status, inbox.Topic));
        Assert.Equal(orderJobs.Single(j => j.Subject == $"Order #{delivered}").Id, inbox.JobId);
    }

    [Fact]
    public async Task A_read_only_key_is_refused_with_what_to_do_and_nothing_is_saved()
    {
        var result = await portal.AsOwnerAsync(directory => directory.ConnectWooCommerceAsync(new WooCommerceStoreForm
        {
            Name = "Wholesale",
            SiteUrl = site.Url.AbsoluteUri,
            ConsumerKey = site.ReadOnlyKey.ConsumerKey,
            ConsumerSecret = site.ReadOnlyKey.ConsumerSecret,
        }));

        // A read key can describe the site, so it connects; registering webhooks is the first write and parks with the fix.
        Assert.True(result.Connected, result.Message);
        var job = await portal.EventuallyAsync(db => db.Jobs.SingleAsync(j => j.Flow == SubscriptionSyncFlow.Name), j => j.State == JobState.NeedsAttention, "the parked subscription check");
        Assert.StartsWith("The API key is read-only", job.LastError, StringComparison.Ordinal);
        Assert.Equal("stores", job.FixPath);
    }

    [Fact]
    public async Task Removing_the_site_deletes_its_webhooks_there_and_the_store_here()
    {
        var storeId = (await ConnectAsync()).StoreId!.Value;
        await portal.EventuallyAsync(db => db.WebhookSubscriptions.CountAsync(), n => n == 3, "three webhook subscriptions");
        var otherApp = site.Shop.AddWebhook("order.created", new Uri("https://other-app.example.com/hook"), "their-secret");

        await portal.AsOwnerAsync(async directory =>
        {
            await directory.RemoveAsync(storeId);
            return true;
        });

        await portal.EventuallyAsync(db => db.Stores.IgnoreQueryFilters().CountAsync(), n => n == 0, "the store to be removed");
        Assert.Equal([otherApp.Id], site.Shop.Webhooks.Select(h => h.Id));
    }
}
