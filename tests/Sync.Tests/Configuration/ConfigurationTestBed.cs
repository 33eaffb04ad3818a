using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Configuration;
using Portal.Sync.Tenancy;
using Portal.Tests.Shared;

namespace Portal.Sync.Tests.Configuration;

/// <summary>Two tenants over the portal's Sync services, whose imports read <see cref="Environment"/>.</summary>
internal sealed class ConfigurationTestBed : IAsyncDisposable
{
    /// <summary>The values samples/tenant-config.json refers to.</summary>
    public static readonly Dictionary<string, string> SampleVariables = new()
    {
        ["ODOO_API_KEY"] = "odoo-key-sample",
        ["ALPHA_EU_SHOPIFY_ACCESS_TOKEN"] = "shpat_sample_token",
        ["ALPHA_EU_SHOPIFY_APP_SECRET"] = "sample-app-secret",
        ["WHOLESALE_SITE_WOOCOMMERCE_CONSUMER_KEY"] = "ck_sample",
        ["WHOLESALE_SITE_WOOCOMMERCE_CONSUMER_SECRET"] = "cs_sample",
    };

    private readonly List<AsyncServiceScope> scopes = [];

    private ConfigurationTestBed(SyncTestHost host, FakeEnvironmentVariables environment)
    {
        Host = host;
        Environment = environment;
    }

    public SyncTestHost Host { get; }

    public FakeEnvironmentVariables Environment { get; }

    public Guid Alpha { get; private set; }

    public Guid Bravo { get; private set; }

    public static string Sample => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "tenant-config.json"));

    public static async Task<ConfigurationTestBed> StartAsync()
    {
        var environment = new FakeEnvironmentVariables();
        foreach (var (name, value) in SampleVariables)
        {
            environment.Values[name] = value;
        }

        var host = await SyncTestHost.StartAsync(services =>
        {
            services.RemoveAll<IEnvironmentVariables>();
            services.AddSingleton<IEnvironmentVariables>(environment);
        });
        var bed = new ConfigurationTestBed(host, environment);

        bed.Alpha = await host.AddTenantAsync("Alpha");
        bed.Bravo = await host.AddTenantAsync("Bravo");
        return bed;
    }

    public T Service<T>(Guid tenantId, TenantRole role = TenantRole.Owner)
        where T : notnull
    {
        var scope = Host.ScopeFor(tenantId, role, "owner@alpha.test");
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public Task<ConfigurationImportResult> ImportAsync(Guid tenantId, string json, bool apply = true) =>
        Service<TenantConfigurationImporter>(tenantId).ImportAsync(json, apply);

    public Task<string> ExportAsync(Guid tenantId) => Service<TenantConfigurationExporter>(tenantId).ExportAsync();

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    public Task<List<AuditEntry>> AuditAsync(Guid tenantId) =>
        ReadAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TenantId == tenantId).OrderBy(e => e.Id).ToListAsync());

    public Task<List<Job>> JobsAsync(Guid tenantId) =>
        ReadAsync(db => db.Jobs.IgnoreQueryFilters().Where(j => j.TenantId == tenantId).OrderBy(j => j.Id).ToListAsync());

    public Task<List<Store>> StoresAsync(Guid tenantId) =>
        ReadAsync(db => db.Stores.IgnoreQueryFilters().Where(s => s.TenantId == tenantId).OrderBy(s => s.Name).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        await Host.DisposeAsync();
    }
}
