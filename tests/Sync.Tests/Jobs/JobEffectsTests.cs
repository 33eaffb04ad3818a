using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

/// <summary>An attempt's links and follow-up jobs are committed with its outcome.</summary>
public class JobEffectsTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private SyncTestHost host = default!;
    private Guid tenant;
    private Guid store;

    private JobStore Jobs => host.Services.GetRequiredService<JobStore>();

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        tenant = await host.AddTenantAsync("Alpha");
        await using var scope = host.ScopeFor(tenant, TenantRole.Owner);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var added = new Store { TenantId = tenant, Name = "Alpha shop", Address = "alpha.myshopify.com", Platform = StorePlatform.Shopify };
        db.Stores.Add(added);
        await db.SaveChangesAsync();
        store = added.Id;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<ClaimedJob> ClaimOrderAsync(string number)
    {
        await Jobs.EnqueueAsync(tenant, new JobRequest("orders.sync", $"Order #{number}", $"order:{number}", $"order:{number}@1", StoreId: store));
        return Assert.Single(await Jobs.ClaimAsync("node-a", 1, Lease));
    }

    private async Task<List<RecordLink>> LinksAsync()
    {
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().RecordLinks.AsNoTracking().OrderBy(l => l.StoreKey).ToListAsync();
    }

    [Fact]
    public async Task A_completed_attempt_commits_its_links_and_queues_its_follow_ups()
    {
        var job = await ClaimOrderAsync("1001");
        job.Effects.Link(RecordLinkKind.Order, "5001", "sale.order", 42, "v1");
        job.Effects.Link(RecordLinkKind.OrderLine, "5001/1", "sale.order.line", 420);
        job.Effects.Enqueue(new JobRequest("payments.sync", "Payments of order #1001", "order:1001", "payments:5001@1", StoreId: store));

        Assert.True(await Jobs.CompleteAsync(job, "node-a", TimeSpan.Zero));

        var links = await LinksAsync();
        Assert.Equal([("5001", "sale.order", 42L, "v1"), ("5001/1", "sale.order.line", 420L, null)], links.Select(l => (l.StoreKey, l.OdooModel, l.OdooId, l.Fingerprint)));
        var followUp = Assert.Single(await Jobs.ClaimAsync("node-a", 1, Lease));
        Assert.Equal("payments.sync", followUp.Flow);
    }

    [Fact]
    public async Task A_later_attempt_moves_a_link_instead_of_adding_one()
    {
        var first = await ClaimOrderAsync("1002");
        first.Effects.Link(RecordLinkKind.Customer, "7001", "res.partner", 7, "old phone");
        await Jobs.CompleteAsync(first, "node-a", TimeSpan.Zero);
        await Jobs.EnqueueAsync(tenant, new JobRequest("orders.sync", "Order #1003", "order:1003", "order:1003@1", StoreId: store));
        var second = Assert.Single(await Jobs.ClaimAsync("node-a", 1, Lease));
        second.Effects.Link(RecordLinkKind.Customer, "7001", "res.partner", 7, "new phone");

        await Jobs.CompleteAsync(second, "node-a", TimeSpan.Zero);

        var link = Assert.Single(await LinksAsync());
        Assert.Equal("new phone", link.Fingerprint);
    }

    [Fact]
    public async Task A_failed_attempt_keeps_the_links_of_what_it_created_but_queues_nothing()
    {
        var job = await ClaimOrderAsync("1004");
        job.Effects.Link(RecordLinkKind.Order, "5004", "sale.order", 44);
        job.Effects.Enqueue(new JobRequest("payments.sync", "Payments of order #1004", "order:1004", "payments:5004@1", StoreId: store));

        await Jobs.FailAsync(job, "node-a", new JobFailure(JobErrorKind.Transient, "Odoo answered 503 to action_confirm"), TimeSpan.Zero);

        Assert.Equal(44, Assert.Single(await LinksAsync()).OdooId);
        host.Clock.Advance(TimeSpan.FromHours(1));
        var retried = Assert.Single(await Jobs.ClaimAsync("node-a", 5, Lease));
        Assert.Equal("orders.sync", retried.Flow);
    }
}
