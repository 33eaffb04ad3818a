using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

/// <summary>
/// The queue stays fast with a long backlog and a long history only while its queries walk their indexes;
/// SQLite's plan for each query says so without timing anything.
/// </summary>
public class JobQueryPlanTests : IAsyncLifetime
{
    private readonly ExecutedSql executed = new();
    private SyncTestHost host = default!;
    private ILoggerFactory logging = default!;
    private Guid tenant;

    private string ConnectionString => host.Services.GetRequiredService<PortalDbContextActivator>().ConnectionString;

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync(services => services.Configure<JobEngineOptions>(o => o.StoreConcurrency = 2));
        tenant = await host.AddTenantAsync("Alpha");
        logging = LoggerFactory.Create(builder => builder.AddProvider(executed));
    }

    public async Task DisposeAsync()
    {
        logging.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_claim_walks_the_waiting_jobs_in_order_and_the_running_ones_only()
    {
        using var store = new JobStore(
            PortalDbContextActivator.For(DatabaseProvider.Sqlite, ConnectionString, logging),
            host.Clock,
            host.Services.GetRequiredService<IOptions<JobRetryPolicy>>(),
            host.Services.GetRequiredService<IOptions<JobEngineOptions>>());
        var busy = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await store.EnqueueAsync(tenant, new JobRequest("orders.import", $"Order #{i}", $"order:{i}", $"orders/create:{i}", StoreId: busy));
        }

        await store.ClaimAsync("node-a", 2, TimeSpan.FromMinutes(5));
        await store.ClaimAsync("node-a", 2, TimeSpan.FromMinutes(5));

        // The second claim finds the store full, which changes the query.
        var claims = executed.Commands.Where(sql => sql.Contains("ORDER BY", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(2, claims.Count);
        foreach (var claim in claims)
        {
            var plan = (await ExecutedSql.PlanAsync(ConnectionString, claim)).Split("UNION ALL");
            var (waiting, expired) = (plan[0], plan[1]);
            Assert.Contains("USING INDEX IX_Jobs_Waiting", waiting, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", waiting, StringComparison.Ordinal);

            // Only running jobs are read (and sorted) for expired leases.
            Assert.Contains("USING INDEX IX_Jobs_RunningSubject", expired, StringComparison.Ordinal);
        }
    }
}

