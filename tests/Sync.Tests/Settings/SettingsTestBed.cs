using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Settings;

/// <summary>Two tenants, Alpha with a store and Bravo with its own, over the portal's Sync services.</summary>
internal sealed class SettingsTestBed : IAsyncDisposable
{
    private readonly List<AsyncServiceScope> scopes = [];

    private SettingsTestBed(SyncTestHost host) => Host = host;

    public SyncTestHost Host { get; }

    public Guid Alpha { get; private set; }

    public Guid Bravo { get; private set; }

    public Guid AlphaStore { get; private set; }

    public Guid BravoStore { get; private set; }

    public static async Task<SettingsTestBed> StartAsync()
    {
        // Feature gating reads the coverage the test sets, not the store's orders.
        var bed = new SettingsTestBed(await SyncTestHost.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IMappingCoverage>(new FakeMappingCoverage()))));
        bed.Alpha = await bed.Host.AddTenantAsync("Alpha");
        bed.Bravo = await bed.Host.AddTenantAsync("Bravo");
        bed.AlphaStore = await bed.AddStoreAsync(bed.Alpha, "Alpha EU");
        bed.BravoStore = await bed.AddStoreAsync(bed.Bravo, "Bravo Bikes");
        return bed;
    }

    public async Task<Guid> AddStoreAsync(Guid tenantId, string name, bool removed = false)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenantId));
        var store = new Store
        {
            Name = name,
            Platform = StorePlatform.Shopify,
            Address = $"{name.ToLowerInvariant().Replace(' ', '-')}.myshopify.com",
            RemovedAt = removed ? Host.Clock.GetUtcNow() : null,
        };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }

    /// <summary>A service as a member with <paramref name="role"/> in <paramref name="tenantId"/> gets it, in a scope of its own.</summary>
    public T Service<T>(Guid tenantId, TenantRole role, string userName = "member@alpha.test")
        where T : notnull
    {
        var scope = Host.ScopeFor(tenantId, role, userName);
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>Reads every tenant's rows, as no page can.</summary>
    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    public Task<List<AuditEntry>> AuditAsync() =>
        ReadAsync(db => db.AuditEntries.IgnoreQueryFilters().OrderBy(e => e.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        await Host.DisposeAsync();
    }
}
