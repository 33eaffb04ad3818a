using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Health;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Stores;

public class StoreHealthTests : IAsyncLifetime
{
    private StoreTestBed bed = default!;

    public async Task InitializeAsync() => bed = await StoreTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private async Task<HealthCheck> CheckOfAsync(Guid storeId) =>
        await bed.ReadAsync(db => db.HealthChecks.IgnoreQueryFilters().SingleAsync(h => h.Target == HealthTargets.Store(storeId)));

    [Fact]
    public async Task The_scheduled_check_records_each_store_with_its_rate_limit_budget_without_an_odoo_connection()
    {
        var shop = await bed.ConnectShopifyAsync();
        var site = await bed.ConnectWooCommerceAsync();
        bed.WooCommerce.Failure = new StoreApiException(StoreApiErrorKind.Permission, "The API key is read-only.", 401);

        Assert.Equal(1, await bed.Host.Services.GetRequiredService<HealthCheckScheduler>().EnqueueDueChecksAsync());
        await bed.RunJobsAsync();

        var working = await CheckOfAsync(shop);
        Assert.True(working.Healthy);
        Assert.Equal("Alpha EU: Alpha Shop (EUR, Basic); access: read_orders, write_inventory.", working.Summary);
        Assert.Equal(1900, working.RateLimitRemaining);
        var failing = await CheckOfAsync(site);
        Assert.False(failing.Healthy);
        Assert.Equal("Wholesale: The API key is read-only.", failing.Summary);
        Assert.Equal("stores", failing.FixPath);
        Assert.Equal(JobState.Succeeded, (await bed.JobsAsync(HealthCheckFlow.Name)).Single().State);
    }

    [Fact]
    public async Task An_uninstalled_app_disables_the_store_forgets_the_token_and_says_how_to_reconnect()
    {
        var shop = await bed.ConnectShopifyAsync();
        await bed.RunJobsAsync();

        await bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(bed.TenantId,
            new JobRequest(StoreUninstalledFlow.Name, "App uninstalled", $"store:{shop}", "uninstalled-1", StoreId: shop));
        await bed.RunJobsAsync();

        var store = await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().SingleAsync(s => s.Id == shop));
        Assert.False(store.Enabled);
        Assert.Null(store.ProtectedCredentials);
        Assert.Equal(0, await bed.ReadAsync(db => db.WebhookSubscriptions.IgnoreQueryFilters().CountAsync()));
        var check = await CheckOfAsync(shop);
        Assert.False(check.Healthy);
        Assert.Contains("the app was uninstalled from alpha.myshopify.com", check.Summary, StringComparison.Ordinal);
        Assert.Equal(0, await bed.Host.Services.GetRequiredService<StoreScheduler>().EnqueueDuePollsAsync());
    }
}
