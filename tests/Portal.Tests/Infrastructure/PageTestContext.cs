using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync;
using Portal.Sync.Tenancy;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A bUnit context for a tenant page with the real Sync services over a real SQLite file, signed in as a
/// member of one tenant with one role; the role's permissions decide the policies, as in the portal.
/// </summary>
internal sealed class PageTestContext : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("portal-page-tests-").FullName;
    private readonly BunitAuthorizationContext authorization;

    private PageTestContext(Action<IServiceCollection>? services)
    {
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = directory })
            .Build();
        Bunit.Services.AddLogging();
        Bunit.Services.AddSingleton<IConfiguration>(configuration);
        Bunit.Services.AddPortalData(configuration, directory).AddSync();
        Bunit.Services.AddSingleton<TimeProvider>(Clock);
        Bunit.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        services?.Invoke(Bunit.Services);
        authorization = Bunit.AddAuthorization();
        Bunit.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public BunitContext Bunit { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public Guid TenantId { get; private set; }

    public IServiceProvider Services => Bunit.Services;

    /// <param name="services">Replaces services before the first is resolved, e.g. a store platform that needs no network.</param>
    public static async Task<PageTestContext> StartAsync(TenantRole role, string userName = "member@alpha.test", Action<IServiceCollection>? services = null)
    {
        var context = new PageTestContext(services);
        await context.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        await using (var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance))
        {
            var tenant = new Tenant { Name = "Alpha", CreatedAt = context.Clock.GetUtcNow() };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
            context.TenantId = tenant.Id;
        }

        context.Services.GetRequiredService<TenantContext>().EnterAsMember(context.TenantId, $"user-{role}", userName, role);
        context.authorization.SetAuthorized(userName);
        context.authorization.SetPolicies(PortalPolicies.TenantPermissions.Where(p => role.Allows(p.Value)).Select(p => p.Key).ToArray());
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
