using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Bench;

/// <summary>
/// The job store on a fresh SQLite file: how fast events are enqueued, how fast no-op jobs are claimed and
/// completed by one instance's runner, and how long the inspector takes for a page of a tenant with a long
/// history.
/// </summary>
internal static class JobsScenario
{
    private const int Jobs = 5000;
    private const double EnqueueTarget = 2000;
    private const double ProcessTarget = 500;
    private const int InspectedJobs = 100_000;
    private const double InspectorPageTarget = 200;

    private sealed class NoOp : IJobHandler
    {
        public string Flow => "bench.noop";

        public Task RunAsync(ClaimedJob job, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public static async Task<int> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("portal-bench-jobs-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = directory }).Build();
            await using var services = new ServiceCollection()
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<IConfiguration>(configuration)
                .AddPortalData(configuration, directory)
                .AddSync()
                .AddSingleton<IJobHandler, NoOp>()
                .BuildServiceProvider();
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            var tenant = Guid.CreateVersion7();
            await using (var db = services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance))
            {
                db.Tenants.Add(new Tenant { Id = tenant, Name = "Bench", CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }

            var store = services.GetRequiredService<JobStore>();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Jobs; i++)
            {
                await store.EnqueueAsync(tenant, new JobRequest("bench.noop", $"Job {i}", $"subject:{i}", $"event:{i}"));
            }

            var enqueuePerSecond = Jobs / watch.Elapsed.TotalSeconds;
            watch.Restart();
            var processed = await services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);
            var processPerSecond = processed / watch.Elapsed.TotalSeconds;

            var (worstPage, worstMs) = await InspectorWorstPageAsync(services);

            var met = processed == Jobs && enqueuePerSecond >= EnqueueTarget && processPerSecond >= ProcessTarget && worstMs <= InspectorPageTarget;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT jobs jobs={Jobs} enqueued_per_s={enqueuePerSecond:0} processed={processed} processed_per_s={processPerSecond:0} inspected_jobs={InspectedJobs} inspector_worst_ms={worstMs:0} inspector_worst_page={worstPage} targets={(met ? "met" : "missed")}"));
            return met ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Seeds a second tenant with <see cref="InspectedJobs"/> jobs, then times the inspector's pages as a member
    /// sees them: each page once to warm up, then the median of three; returns the slowest page.
    /// </summary>
    private static async Task<(string Page, double Milliseconds)> InspectorWorstPageAsync(ServiceProvider services)
    {
        var tenant = Guid.CreateVersion7();
        var activator = services.GetRequiredService<PortalDbContextActivator>();
        await using (var db = activator.Create(NoTenant.Instance))
        {
            db.Tenants.Add(new Tenant { Id = tenant, Name = "Inspected", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await InspectorBacklog.SeedAsync(activator, tenant, InspectedJobs, DateTimeOffset.UtcNow);

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(tenant, "bench", "bench@example.com", TenantRole.Viewer);
        var inspector = scope.ServiceProvider.GetRequiredService<JobInspector>();
        var parkedJob = (await inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention, PageSize: 1))).Items[0].Id;
        var pages = new (string Name, Func<Task> Read)[]
        {
            ("filters", () => inspector.FilterOptionsAsync()),
            ("first", () => inspector.ListAsync(new JobQuery())),
            ("parked", () => inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention))),
            ("text", () => inspector.ListAsync(new JobQuery(Text: "tax mapping"))),
            ("deep", () => inspector.ListAsync(new JobQuery(Page: InspectedJobs / 2 / 50))),
            ("groups", () => inspector.FailureGroupsAsync()),
            ("detail", () => inspector.DetailAsync(parkedJob)),
        };

        var times = new List<(string Page, double Milliseconds)>();
        foreach (var (name, read) in pages)
        {
            await read();
            var runs = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                await read();
                runs.Add(watch.Elapsed.TotalMilliseconds);
            }

            runs.Sort();
            times.Add((name, runs[1]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inspector page {name}: {runs[1]:0.0} ms"));
        }

        return times.MaxBy(t => t.Milliseconds);
    }
}
