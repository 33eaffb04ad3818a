using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Stores;

public class SubscriptionSyncTests : IAsyncLifetime
{
    private static readonly string[] ShopifyDefaultTopics =
        ["app/uninstalled", "orders/cancelled", "orders/create", "orders/paid", "orders/updated", "refunds/create"];

    private StoreTestBed bed = default!;

    public async Task InitializeAsync() => bed = await StoreTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private async Task<List<WebhookSubscription>> RecordedAsync() =>
        await bed.ReadAsync(db => db.WebhookSubscriptions.IgnoreQueryFilters().OrderBy(s => s.Topic).ToListAsync());

    private async Task CheckAgainAsync(Guid storeId, string occasion)
    {
        await bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(bed.TenantId, SubscriptionSyncFlow.Request(storeId, "Alpha", occasion));
        await bed.RunJobsAsync();
    }

    [Fact]
    public async Task Connecting_a_shop_registers_the_topics_its_features_need_at_its_webhook_address()
    {
        var id = await bed.ConnectShopifyAsync();
        await bed.RunJobsAsync();

        var address = new Uri($"https://portal.example.com/webhooks/shopify/{id}");
        Assert.Equal(ShopifyDefaultTopics, bed.Shopify.Webhooks.Values.Select(w => w.Topic).Order(StringComparer.Ordinal));
        Assert.All(bed.Shopify.Webhooks.Values, w => Assert.Equal(address, w.Address));
        var recorded = await RecordedAsync();
        Assert.Equal(ShopifyDefaultTopics, recorded.Select(r => r.Topic));
        Assert.All(recorded, r => Assert.Equal(WebhookSubscriptionStatus.Active, r.Status));
        Assert.All(recorded, r => Assert.True(bed.Shopify.Webhooks.ContainsKey(r.RemoteId!)));
    }

    [Fact]
    public async Task A_woocommerce_site_gets_order_topics_only()
    {
        await bed.ConnectWooCommerceAsync();
        await bed.RunJobsAsync();

        Assert.Equal(["order.created", "order.deleted", "order.updated"], bed.WooCommerce.Webhooks.Values.Select(w => w.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_deleted_disabled_or_moved_subscription_is_repaired_and_another_apps_is_left_alone()
    {
        var id = await bed.ConnectShopifyAsync();
        await bed.RunJobsAsync();
        var byTopic = bed.Shopify.Webhooks.Values.ToDictionary(w => w.Topic);
        bed.Shopify.Webhooks.TryRemove(byTopic["orders/create"].Id, out _);
        bed.Shopify.Webhooks[byTopic["orders/paid"].Id] = byTopic["orders/paid"] with { Active = false };
        bed.Shopify.Webhooks[byTopic["refunds/create"].Id] = byTopic["refunds/create"] with { Address = new Uri($"https://old-host.example.com/webhooks/shopify/{id}") };
        var otherApp = bed.Shopify.AddWebhook("orders/create", "https://other-app.example.com/hooks");

        await CheckAgainAsync(id, "hourly-1");

        var recorded = (await RecordedAsync()).ToDictionary(r => r.Topic);
        Assert.Equal(WebhookSubscriptionStatus.Repaired, recorded["orders/create"].Status);
        Assert.Equal(WebhookSubscriptionStatus.Repaired, recorded["orders/paid"].Status);
        Assert.Equal(WebhookSubscriptionStatus.Repaired, recorded["refunds/create"].Status);
        Assert.Equal(WebhookSubscriptionStatus.Active, recorded["orders/updated"].Status);
        Assert.Contains(byTopic["orders/paid"].Id, bed.Shopify.DeletedWebhooks);
        Assert.Contains(byTopic["refunds/create"].Id, bed.Shopify.DeletedWebhooks);
        Assert.True(bed.Shopify.Webhooks.ContainsKey(otherApp.Id));
        Assert.Equal(ShopifyDefaultTopics.Length, bed.Shopify.Webhooks.Values.Count(w => w.Active && w.Address.Host == "portal.example.com"));
    }

    [Fact]
    public async Task A_topic_no_feature_needs_any_more_is_removed()
    {
        var id = await bed.ConnectShopifyAsync();
        await bed.RunJobsAsync();
        await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Features, StoreFeatures.Orders)));

        await CheckAgainAsync(id, "features-changed");

        string[] ordersOnly = ["app/uninstalled", "orders/cancelled", "orders/create", "orders/updated"];
        Assert.Equal(ordersOnly, bed.Shopify.Webhooks.Values.Select(w => w.Topic).Order(StringComparer.Ordinal));
        Assert.Equal(ordersOnly, (await RecordedAsync()).Select(r => r.Topic));
    }

    [Fact]
    public async Task A_revoked_token_parks_the_check_with_a_link_to_the_stores_page()
    {
        await bed.ConnectShopifyAsync();
        bed.Shopify.Failure = new StoreApiException(StoreApiErrorKind.Authentication, "The access token was rejected.", 401);

        await bed.RunJobsAsync();

        var job = (await bed.JobsAsync(SubscriptionSyncFlow.Name)).Single();
        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.Equal("The access token was rejected.", job.LastError);
        Assert.Equal("stores", job.FixPath);
    }

    [Fact]
    public async Task Without_a_public_address_the_check_says_what_to_set()
    {
        await using var noAddress = await StoreTestBed.StartAsync(o => o.PublicBaseUrl = null);
        await noAddress.ConnectShopifyAsync();

        await noAddress.RunJobsAsync();

        var job = (await noAddress.JobsAsync(SubscriptionSyncFlow.Name)).Single();
        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.StartsWith("Stores:PublicBaseUrl is not set", job.LastError, StringComparison.Ordinal);
        Assert.Empty(noAddress.Shopify.Webhooks);
    }
}
