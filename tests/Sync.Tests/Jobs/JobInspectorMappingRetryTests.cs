using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Jobs;

public class JobInspectorMappingRetryTests : IAsyncLifetime
{
    private SyncTestHost host = default!;
    private Guid alpha;
    private Guid store;
    private Guid otherStore;

    private JobStore Store => host.Services.GetRequiredService<JobStore>();

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        alpha = await host.AddTenantAsync("Alpha");
        store = await AddStoreAsync("Alpha EU");
        otherStore = await AddStoreAsync("Alpha US");
        await ParkAsync(store, "1001", new JobConfigurationException("No tax mapping for 'GST 5 %'", $"stores/{store}/mappings/taxes?title=GST%205%20%25&rate=0.05&country=CA&included=false"));
        await ParkAsync(store, "1002", new JobConfigurationException("No tax mapping for 'PST 8 %'", $"stores/{store}/mappings/taxes?title=PST%208%20%25&rate=0.08&country=CA&included=false"));
        await ParkAsync(store, "1003", new JobConfigurationException("No journal for 'paypal'", $"stores/{store}/mappings/journals?gateway=paypal"));
        await ParkAsync(store, "1004", new JobConfigurationException("The carrier has no delivery product", $"stores/{store}/mappings/shipping"));
        await ParkAsync(store, "1005", new JobNeedsPersonException("Odoo refused the tax", $"stores/{store}/mappings/taxes"));
        await ParkAsync(otherStore, "2001", new JobConfigurationException("No tax mapping for 'GST 5 %'", $"stores/{otherStore}/mappings/taxes?title=GST%205%20%25"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_jobs_waiting_for_a_mappings_page_are_counted_per_store_and_kind()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);
        var inspector = scope.ServiceProvider.GetRequiredService<JobInspector>();

        Assert.Equal(
            (2, 1, 1, 0, 1),
            (await inspector.WaitingForMappingAsync(store, "taxes"), await inspector.WaitingForMappingAsync(store, "journals"),
                await inspector.WaitingForMappingAsync(store, "shipping"), await inspector.WaitingForMappingAsync(store, "locations"),
                await inspector.WaitingForMappingAsync(otherStore, "taxes")));
    }

    [Fact]
    public async Task Retrying_them_retries_only_those_once_and_is_audited()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Admin, "adam@alpha.test");
        var inspector = scope.ServiceProvider.GetRequiredService<JobInspector>();

        var retried = await inspector.RetryWaitingForMappingAsync(store, "taxes");
        var again = await inspector.RetryWaitingForMappingAsync(store, "taxes");

        Assert.Equal((2, 0), (retried, again));
        Assert.Equal(0, await inspector.WaitingForMappingAsync(store, "taxes"));
        var (pending, _) = await inspector.ListAsync(new JobQuery(State: JobState.Pending));
        Assert.Equal(["Order #1001", "Order #1002"], pending.Select(j => j.Subject).Order());
        Assert.Equal(1, await inspector.WaitingForMappingAsync(otherStore, "taxes"));
        var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.Where(a => a.Action == "jobs.mapping-retried").ToListAsync();
        Assert.Equal([("adam@alpha.test", "Alpha EU", "2 of 2 jobs waiting for its taxes mappings retried")], audit.Select(a => (a.ActorName, a.Subject, a.Details!)));
    }

    [Fact]
    public async Task A_job_that_changed_since_it_was_read_is_left_alone()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Finance);
        var inspector = scope.ServiceProvider.GetRequiredService<JobInspector>();
        var paypal = (await inspector.ListAsync(new JobQuery(Text: "paypal"))).Items.Single();
        Assert.True(await inspector.RetryAsync(paypal.Id, paypal.State));

        Assert.Equal(0, await inspector.RetryWaitingForMappingAsync(store, "journals"));
    }

    [Fact]
    public async Task A_viewer_counts_but_cannot_retry()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<JobInspector>().RetryWaitingForMappingAsync(store, "taxes"));
    }

    private async Task<Guid> AddStoreAsync(string name)
    {
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(alpha));
        var added = new Store { Name = name, Platform = StorePlatform.Shopify, Address = $"{name.Replace(' ', '-').ToLowerInvariant()}.myshopify.com" };
        db.Stores.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    }

    private async Task ParkAsync(Guid storeId, string order, Exception error)
    {
        await Store.EnqueueAsync(alpha, new JobRequest("orders.import", $"Order #{order}", $"order:{storeId}:{order}", $"orders/create:{order}", StoreId: storeId));
        var job = Assert.Single(await Store.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        await Store.FailAsync(job, "node-a", JobFailures.From(error), TimeSpan.Zero);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
    }
}
