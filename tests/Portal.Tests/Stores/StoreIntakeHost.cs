using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Stores;

/// <summary>
/// The real portal on 127.0.0.1 with its workers running, reachable by the fake stores at the address it
/// registers its webhooks under, and one tenant whose owner connects stores through the Stores service.
/// </summary>
internal sealed class StoreIntakeHost : IAsyncDisposable
{
    private StoreIntakeHost(PortalTestHost host, Guid tenantId)
    {
        Host = host;
        TenantId = tenantId;
    }

    public PortalTestHost Host { get; }
    public Guid TenantId { get; }

    public static async Task<StoreIntakeHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        // The address goes into the webhooks the portal registers, so it must be known before the portal starts.
        var address = $"http://127.0.0.1:{FreePort()}";
        var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Urls"] = address,
            ["Stores:PublicBaseUrl"] = address,
            ["Stores:AllowLoopbackAddresses"] = "true",
            ["Shopify:AllowLoopbackShops"] = "true",
            ["Jobs:PollInterval"] = "00:00:00.100",
        }, configure);
        return new StoreIntakeHost(host, await host.AddTenantAsync("Alpha"));
    }

    public async Task<T> AsOwnerAsync<T>(Func<StoreDirectory, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(TenantId, "owner-1", "owner@alpha.test", TenantRole.Owner);
        return await action(scope.ServiceProvider.GetRequiredService<StoreDirectory>());
    }

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(TenantId));
        return await read(db);
    }

    /// <summary>Saves the tenant's Odoo connection to the fake Odoo as its owner would on the Odoo page.</summary>
    public Task ConnectOdooAsync(FakeOdooServer odoo) => Host.SaveOdooConnectionAsync(TenantId, new OdooConnectionForm
    {
        Url = odoo.Url.ToString(),
        Database = FakeOdooServer.DatabaseName,
        Login = "admin",
        NewApiKey = FakeOdooSeed.AdminApiKey,
        Transport = OdooTransportKind.JsonRpc,
    });

    public Task<List<Job>> JobsAsync(string flow) => ReadAsync(db => db.Jobs.Where(j => j.Flow == flow).ToListAsync());

    /// <summary>Waits for the portal's own workers to bring the database into the expected state.</summary>
    public async Task<T> EventuallyAsync<T>(Func<PortalDbContext, Task<T>> read, Func<T, bool> done, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await ReadAsync(read);
            if (done(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var jobs = await ReadAsync(db => db.Jobs.Select(j => $"{j.Flow} {j.State}: {j.LastError}").ToListAsync());
                throw new TimeoutException($"Still waiting for {what}; last seen: {value}; jobs: {string.Join(" | ", jobs)}");
            }
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
