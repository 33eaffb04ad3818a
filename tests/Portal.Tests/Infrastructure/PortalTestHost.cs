using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Hosting;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Tenancy;

namespace Portal.Tests.Infrastructure;

/// <summary>The real portal (same composition as Program.cs) on Kestrel at 127.0.0.1, over a fresh SQLite file.</summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private PortalTestHost(WebApplication app, string directory)
    {
        this.app = app;
        Directory = directory;
    }

    public string Directory { get; }

    public Uri BaseAddress { get; private set; } = default!;

    public IServiceProvider Services => app.Services;

    public static async Task<PortalTestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var host = await TryStartAsync(settings, configure);
        return host ?? throw new InvalidOperationException("The portal refused to start; see its log.");
    }

    /// <summary>Null when start-up preparation refuses (as the real program would exit 1).</summary>
    public static async Task<PortalTestHost?> TryStartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("portal-tests-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PortalStartup).Assembly.GetName().Name,
            ContentRootPath = directory,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Database:DataDirectory"] = directory,
        });
        if (Environment.GetEnvironmentVariable("PORTAL_TEST_LOG") is not null)
        {
            // Set PORTAL_TEST_LOG=1 to see the portal's log while debugging a test.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:WriteTo:0:Name"] = "Console" });
        }

        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddPortal();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UsePortal();
        var host = new PortalTestHost(app, directory);
        if (!await app.Services.GetRequiredService<PortalStartup>().PrepareAsync(CancellationToken.None))
        {
            await host.DisposeAsync();
            return null;
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.BaseAddress = new Uri(address);
        return host;
    }

    public PortalBrowser NewBrowser() => new(BaseAddress);

    public async Task<string> AddUserAsync(string email, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public async Task<Guid> AddTenantAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tenant = new Tenant { Name = name, CreatedAt = DateTimeOffset.UtcNow };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    /// <summary>A store of the tenant with no credentials: its pages render without reaching any platform.</summary>
    public async Task<Guid> AddStoreAsync(Guid tenantId, string name)
    {
        await using var db = Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenantId));
        var store = new Store { Name = name, Platform = StorePlatform.Shopify, Address = $"{Guid.NewGuid():N}.myshopify.com", CreatedAt = DateTimeOffset.UtcNow };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }

    public async Task AddMembershipAsync(Guid tenantId, string userId, TenantRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Memberships.Add(new Membership { TenantId = tenantId, UserId = userId, Role = role, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task SaveOdooConnectionAsync(Guid tenantId, OdooConnectionForm form)
    {
        await using var scope = ScopeAsMember(tenantId, TenantRole.Owner);
        await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(form);
    }

    /// <summary>A service scope acting as a verified member, as the tenant route middleware leaves it.</summary>
    public AsyncServiceScope ScopeAsMember(Guid tenantId, TenantRole role, string userId = "test-user", string userName = "test@example.com")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(tenantId, userId, userName, role);
        return scope;
    }

    public AsyncServiceScope ScopeAsUser(string userId, string userName = "test@example.com")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsUser(userId, userName);
        return scope;
    }

    /// <summary>Stops the portal as a shutdown would, keeping its database for inspection.</summary>
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
