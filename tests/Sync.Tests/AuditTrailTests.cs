using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests;

public class AuditTrailTests : IAsyncLifetime
{
    private SyncTestHost host = default!;
    private Guid alpha;
    private Guid bravo;

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        alpha = await host.AddTenantAsync("Alpha");
        bravo = await host.AddTenantAsync("Bravo");
        foreach (var (tenant, subject) in new[] { (alpha, "first"), (bravo, "bravo's"), (alpha, "second"), (alpha, "third") })
        {
            await using var scope = host.ScopeFor(tenant, TenantRole.Owner, "owner@example.com");
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(db, "test.changed", subject);
            await db.SaveChangesAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Entries_come_newest_first_one_page_at_a_time_and_only_from_the_active_tenant()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Admin);
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        var (firstPage, total) = await trail.ListAsync(page: 0, pageSize: 2);
        var (secondPage, _) = await trail.ListAsync(page: 1, pageSize: 2);

        Assert.Equal(3, total);
        Assert.Equal(["third", "second"], firstPage.Select(e => e.Subject));
        Assert.Equal(["first"], secondPage.Select(e => e.Subject));
        Assert.All(firstPage, e => Assert.Equal("owner@example.com", e.Actor));
    }

    [Theory]
    [InlineData(TenantRole.Finance)]
    [InlineData(TenantRole.Viewer)]
    public async Task Roles_without_settings_rights_cannot_read_it(TenantRole role)
    {
        await using var scope = host.ScopeFor(alpha, role);

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<AuditTrail>().ListAsync(0, 10));
    }
}
