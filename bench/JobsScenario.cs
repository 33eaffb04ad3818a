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

namespace Portal.Bench;

/// <summary>
/// The job store on a fresh SQLite file: how fast events are enqueued, and how fast no-op jobs are claimed
/// and completed by one instance's runner.
/// </summary>
internal static class JobsScenario
{
    private const int Jobs = 5000;
    private const double EnqueueTarget = 2000;
    private const double ProcessTarget = 500;

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

            var met = processed == Jobs && enqueuePerSecond >= EnqueueTarget && processPerSecond >= ProcessTarget;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT jobs jobs={Jobs} enqueued_per_s={enqueuePerSecond:0} processed={processed} processed_per_s={processPerSecond:0} inspector=not_built targets={(met ? "met" : "missed")}"));
            return met ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
