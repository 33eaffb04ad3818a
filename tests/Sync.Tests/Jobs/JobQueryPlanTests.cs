using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Jobs;

/// <summary>
/// The queue, the webhook inbox and the inspector stay fast with a long backlog and a long history only while
/// their queries walk their indexes; SQLite's plan for each query says so without timing anything.
/// </summary>
public class JobQueryPlanTests : IAsyncLifetime
{
    private readonly ExecutedSql executed = new();
    private SyncTestHost host = default!;
    private Guid tenant;

    private JobStore Store => host.Services.GetRequiredService<JobStore>();

    private string ConnectionString => host.Services.GetRequiredService<PortalDbContextActivator>().ConnectionString;

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync(services => services
            .AddLogging(logging => logging.AddProvider(executed))
            .Configure<JobEngineOptions>(o => o.StoreConcurrency = 2));
        tenant = await host.AddTenantAsync("Alpha");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<EnqueueResult> EnqueueAsync(int number, Guid? store = null) =>
        Store.EnqueueAsync(tenant, new JobRequest("orders.import", $"Order #{number}", $"order:{number}", $"orders/create:{number}", StoreId: store));

    [Fact]
    public async Task A_claim_walks_the_waiting_jobs_in_order_and_the_running_ones_only()
    {
        var busy = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await EnqueueAsync(i, busy);
        }

        await Store.ClaimAsync("node-a", 2, TimeSpan.FromMinutes(5));
        await Store.ClaimAsync("node-a", 2, TimeSpan.FromMinutes(5));

        // The second claim finds the store full, which changes the query.
        var claims = executed.Commands.Where(sql => sql.Contains("UNION ALL", StringComparison.Ordinal)).Distinct().ToList();
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

    [Fact]
    public async Task Enqueueing_and_keeping_a_webhook_find_what_exists_by_index_however_long_the_history()
    {
        // Only each statement's first (or only) step is planned: the lookups that decide between insert and count.
        var lookups = new[]
        {
            (JobStatements.Enqueue, new[] { "IX_Jobs_TenantId_IdentityKey" }),
            (JobStatements.Holder, new[] { "IX_Jobs_TenantId_IdentityKey" }),
            (InboxStatements.CountRedelivery, new[] { "IX_WebhookDeliveries_StoreId_DeliveryKey" }),
        };

        foreach (var (sql, indexes) in lookups)
        {
            var plan = await ExecutedSql.PlanAsync(ConnectionString, sql.Split(';')[0]);
            Assert.All(indexes, index => Assert.True(Regex.IsMatch(plan, $"USING (COVERING )?INDEX {index}"), $"{index} is not used:\n{plan}"));
            Assert.DoesNotMatch("SCAN (Jobs|WebhookDeliveries)", plan);
        }
    }

    [Fact]
    public async Task The_inspector_reads_a_page_of_the_list_in_index_order_however_deep()
    {
        for (var i = 0; i < 3; i++)
        {
            await EnqueueAsync(i);
        }

        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        var inspector = scope.ServiceProvider.GetRequiredService<JobInspector>();
        await inspector.ListAsync(new JobQuery());
        await inspector.ListAsync(new JobQuery(Page: 1000));

        var pages = executed.Commands.Where(sql => sql.Contains("ORDER BY \"j\".\"UpdatedAt\" DESC", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var plan = await ExecutedSql.PlanAsync(ConnectionString, page);
            Assert.Contains("USING INDEX IX_Jobs_TenantId_UpdatedAt_Id", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
    }
}
