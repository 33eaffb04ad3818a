using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests;

/// <summary>The Sync services as the portal composes them, over a real SQLite file in a fresh folder.</summary>
internal sealed class SyncTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private SyncTestHost(string directory, Action<IServiceCollection>? configure)
    {
        Directory = directory;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = directory })
            .Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalData(configuration, directory)
            .AddSync()
            .AddSingleton<TimeProvider>(Clock);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string Directory { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => services;

    /// <param name="configure">Adds or replaces services, e.g. test job handlers.</param>
    public static async Task<SyncTestHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new SyncTestHost(System.IO.Directory.CreateTempSubdirectory("portal-sync-tests-").FullName, configure);
        await host.services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Another portal instance on the same database file: it shares nothing with this one but the database (and the clock).</summary>
    /// <param name="configure">Adds or replaces services of that instance.</param>
    public ServiceProvider SecondInstance(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = Directory })
            .Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalData(configuration, Directory)
            .AddSync()
            .AddSingleton<TimeProvider>(Clock);
        configure?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public async Task<Guid> AddTenantAsync(string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tenant = new Tenant { Name = name, CreatedAt = Clock.GetUtcNow() };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    /// <summary>A scope acting as a member with <paramref name="role"/> in <paramref name="tenantId"/>.</summary>
    public AsyncServiceScope ScopeFor(Guid tenantId, TenantRole role, string userName = "member@example.com")
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(tenantId, $"user-{role}", userName, role);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        var connectionString = services.GetRequiredService<PortalDbContextActivator>().ConnectionString;
        await services.DisposeAsync();

        // This database's pool only: clearing them all would close another test's connections while it reads its files.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
