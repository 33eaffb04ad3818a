using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

public class JobStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly Action<IServiceCollection> TwoJobsPerStore = services => services.Configure<JobEngineOptions>(o => o.StoreConcurrency = 2);
    private SyncTestHost host = default!;
    private Guid tenant;

    private JobStore Store => host.Services.GetRequiredService<JobStore>();

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync(TwoJobsPerStore);
        tenant = await host.AddTenantAsync("Alpha");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static JobRequest Order(string number, string? eventId = null) =>
        new("orders.import", $"Order #{number}", $"order:{number}", eventId ?? $"orders/create:{number}");

    private async Task<Job> LoadAsync(Guid id)
    {
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private async Task<List<JobStateChange>> HistoryAsync(Guid id)
    {
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().JobStateChanges.AsNoTracking().Where(c => c.JobId == id).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task The_same_event_twice_is_one_job_and_a_replay_after_success_is_counted_not_run()
    {
        var first = await Store.EnqueueAsync(tenant, Order("1001"));
        var again = await Store.EnqueueAsync(tenant, Order("1001"));
        var claimed = Assert.Single(await Store.ClaimAsync("node-a", 10, Lease));
        await Store.CompleteAsync(claimed, "node-a", TimeSpan.FromMilliseconds(5));
        var replay = await Store.EnqueueAsync(tenant, Order("1001"));

        Assert.Equal(EnqueueOutcome.Created, first.Outcome);
        Assert.Equal((first.JobId, EnqueueOutcome.Collapsed), (again.JobId, again.Outcome));
        Assert.Equal((first.JobId, EnqueueOutcome.SkippedDuplicate), (replay.JobId, replay.Outcome));
        Assert.Empty(await Store.ClaimAsync("node-a", 10, Lease));
        var job = await LoadAsync(first.JobId);
        Assert.Equal((JobState.Succeeded, 2, 1), (job.State, job.DuplicatesSkipped, job.Attempts));
    }

    [Fact]
    public async Task An_event_collapses_into_its_active_job_even_when_an_earlier_job_of_it_succeeded()
    {
        var ignored = await Store.EnqueueAsync(tenant, Order("1010"));
        await Store.IgnoreAsync(tenant, ignored.JobId, JobState.Pending, "fiona@alpha.test", "entered by mistake");
        var redone = await Store.EnqueueAsync(tenant, Order("1010"));
        await Store.CompleteAsync(Assert.Single(await Store.ClaimAsync("node-a", 10, Lease)), "node-a", TimeSpan.Zero);
        await Store.RetryAsync(tenant, ignored.JobId, JobState.Cancelled, "fiona@alpha.test");

        var again = await Store.EnqueueAsync(tenant, Order("1010"));

        Assert.Equal((ignored.JobId, EnqueueOutcome.Collapsed), (again.JobId, again.Outcome));
        Assert.Equal((1, 0), ((await LoadAsync(ignored.JobId)).DuplicatesSkipped, (await LoadAsync(redone.JobId)).DuplicatesSkipped));
    }

    [Fact]
    public async Task Two_instances_enqueueing_the_same_event_at_once_make_one_job()
    {
        await using var second = host.SecondInstance();
        var stores = new[] { Store, second.GetRequiredService<JobStore>() };

        // Own threads, so the two instances' inserts really race.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => stores[i % 2].EnqueueAsync(tenant, Order("1011")))));

        var created = Assert.Single(results, r => r.Outcome == EnqueueOutcome.Created);
        Assert.All(results.Where(r => r != created), r => Assert.Equal((created.JobId, EnqueueOutcome.Collapsed), (r.JobId, r.Outcome)));
        Assert.Equal(19, (await LoadAsync(created.JobId)).DuplicatesSkipped);
        Assert.Single(await HistoryAsync(created.JobId));
    }

    [Fact]
    public async Task Enqueueing_for_a_tenant_that_does_not_exist_fails()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.EnqueueAsync(Guid.NewGuid(), Order("1012")));
    }

    [Fact]
    public async Task Every_transition_is_recorded_with_who_and_why()
    {
        var queued = await Store.EnqueueAsync(tenant, Order("1002"));
        var claimed = Assert.Single(await Store.ClaimAsync("node-a", 1, Lease));
        await Store.FailAsync(claimed, "node-a", new JobFailure(JobErrorKind.Validation, "Odoo: the partner is archived"), TimeSpan.FromSeconds(1));
        await Store.RetryAsync(tenant, queued.JobId, JobState.NeedsAttention, "fiona@alpha.test");

        var history = await HistoryAsync(queued.JobId);

        Assert.Equal(
            [(null, JobState.Pending, "system"), (JobState.Pending, JobState.Running, "system"), (JobState.Running, JobState.NeedsAttention, "system"), (JobState.NeedsAttention, JobState.Pending, "fiona@alpha.test")],
            history.Select(h => (h.From, h.To, h.Actor)));
        Assert.Equal("Odoo: the partner is archived", history[2].Error);
        Assert.Equal(TimeSpan.FromSeconds(1), history[2].Duration);
    }

    [Fact]
    public async Task Work_that_is_not_due_yet_is_not_claimed()
    {
        await Store.EnqueueAsync(tenant, Order("1003") with { RunAt = host.Clock.GetUtcNow().AddMinutes(10) });

        Assert.Empty(await Store.ClaimAsync("node-a", 10, Lease));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(await Store.ClaimAsync("node-a", 10, Lease));
    }

    [Fact]
    public async Task A_job_under_lease_is_not_claimed_again_until_the_lease_expires_and_the_old_owner_then_loses_it()
    {
        var queued = await Store.EnqueueAsync(tenant, Order("1004"));
        var first = Assert.Single(await Store.ClaimAsync("node-a", 10, Lease));

        Assert.Empty(await Store.ClaimAsync("node-b", 10, Lease));
        host.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var reclaimed = Assert.Single(await Store.ClaimAsync("node-b", 10, Lease));

        Assert.Equal(queued.JobId, reclaimed.Id);
        Assert.Equal(2, reclaimed.Attempt);
        Assert.False(await Store.CompleteAsync(first, "node-a", TimeSpan.Zero));
        Assert.True(await Store.CompleteAsync(reclaimed, "node-b", TimeSpan.Zero));
        Assert.Contains(await HistoryAsync(queued.JobId), h => h.Reason.Contains("lease of node-a expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_jobs_on_one_subject_never_run_at_the_same_time()
    {
        var created = await Store.EnqueueAsync(tenant, Order("1005", "orders/create:1005"));
        var updated = await Store.EnqueueAsync(tenant, Order("1005", "orders/updated:1005:1"));

        var firstBatch = await Store.ClaimAsync("node-a", 10, Lease);
        var secondBatch = await Store.ClaimAsync("node-b", 10, Lease);
        await Store.CompleteAsync(Assert.Single(firstBatch), "node-a", TimeSpan.Zero);
        var thirdBatch = await Store.ClaimAsync("node-b", 10, Lease);

        Assert.Equal(created.JobId, Assert.Single(firstBatch).Id);
        Assert.Empty(secondBatch);
        Assert.Equal(updated.JobId, Assert.Single(thirdBatch).Id);
    }

    [Fact]
    public async Task One_claim_takes_several_due_jobs_highest_priority_first_each_with_its_history()
    {
        var low = await Store.EnqueueAsync(tenant, Order("1020"));
        var high = await Store.EnqueueAsync(tenant, Order("1021") with { Priority = 5 });
        var later = await Store.EnqueueAsync(tenant, Order("1022") with { RunAt = host.Clock.GetUtcNow().AddMinutes(1) });
        var failing = await Store.EnqueueAsync(tenant, Order("1023") with { Priority = 9 });
        await Store.FailAsync(Assert.Single(await Store.ClaimAsync("node-a", 1, Lease)), "node-a", new JobFailure(JobErrorKind.Transient, "Odoo is unavailable (503)"), TimeSpan.Zero);
        host.Clock.Advance(TimeSpan.FromHours(2));

        var claimed = await Store.ClaimAsync("node-a", 3, Lease);

        Assert.Equal([(failing.JobId, 2), (high.JobId, 1), (low.JobId, 1)], claimed.Select(j => (j.Id, j.Attempt)));
        foreach (var job in claimed)
        {
            Assert.Equal(JobState.Running, (await LoadAsync(job.Id)).State);
            Assert.Single(await HistoryAsync(job.Id), h => h.To == JobState.Running && h.At == host.Clock.GetUtcNow() && h.Reason == "claimed by node-a");
        }

        Assert.Equal(JobState.Pending, (await LoadAsync(later.JobId)).State);
    }

    [Fact]
    public async Task A_store_never_has_more_jobs_running_than_its_concurrency_across_instances()
    {
        await using var second = host.SecondInstance(TwoJobsPerStore);
        var other = second.GetRequiredService<JobStore>();
        var (busy, quiet) = (Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 5; i++)
        {
            await Store.EnqueueAsync(tenant, Order($"103{i}") with { StoreId = busy });
        }

        await Store.EnqueueAsync(tenant, Order("1040") with { StoreId = quiet });
        await Store.EnqueueAsync(tenant, Order("1041"));

        var first = await Store.ClaimAsync("node-a", 10, Lease);
        var meanwhile = await other.ClaimAsync("node-b", 10, Lease);
        await Store.CompleteAsync(first.First(j => j.StoreId == busy), "node-a", TimeSpan.Zero);
        var afterOneEnded = await other.ClaimAsync("node-b", 10, Lease);

        Assert.Equal([busy, busy, quiet, null], first.Select(j => j.StoreId));
        Assert.Empty(meanwhile);
        Assert.Equal([busy], afterOneEnded.Select(j => j.StoreId));
    }

    [Fact]
    public async Task A_running_job_whose_lease_expired_no_longer_holds_its_stores_place()
    {
        var store = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await Store.EnqueueAsync(tenant, Order($"105{i}") with { StoreId = store });
        }

        Assert.Equal(2, (await Store.ClaimAsync("node-a", 10, Lease)).Count);
        host.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await Store.ClaimAsync("node-b", 10, Lease);

        // Neither none (the expired leases hold nothing) nor three (the two taken over count like the waiting one).
        Assert.Equal(2, afterExpiry.Count);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_a_backoff_until_the_attempts_run_out()
    {
        var queued = await Store.EnqueueAsync(tenant, new JobRequest("stock.push", "SKU FURN_7800", "sku:FURN_7800", "stock:FURN_7800:1"));
        for (var attempt = 1; attempt < 8; attempt++)
        {
            var job = Assert.Single(await Store.ClaimAsync("node-a", 1, Lease));
            await Store.FailAsync(job, "node-a", new JobFailure(JobErrorKind.Transient, "Odoo is unavailable (503)"), TimeSpan.Zero);
            Assert.Equal(JobState.Failed, (await LoadAsync(queued.JobId)).State);
            Assert.Empty(await Store.ClaimAsync("node-a", 1, Lease));
            host.Clock.Advance(TimeSpan.FromHours(2));
        }

        var last = Assert.Single(await Store.ClaimAsync("node-a", 1, Lease));
        await Store.FailAsync(last, "node-a", new JobFailure(JobErrorKind.Transient, "Odoo is unavailable (503)"), TimeSpan.Zero);

        var parked = await LoadAsync(queued.JobId);
        Assert.Equal((JobState.NeedsAttention, 8), (parked.State, parked.Attempts));
        Assert.Contains(await HistoryAsync(queued.JobId), h => h.Reason == "gave up after 8 attempts");
    }

    [Fact]
    public async Task A_configuration_error_parks_at_once_with_the_fix()
    {
        var queued = await Store.EnqueueAsync(tenant, Order("1006"));
        var job = Assert.Single(await Store.ClaimAsync("node-a", 1, Lease));

        await Store.FailAsync(job, "node-a", JobFailures.From(new JobConfigurationException("No tax mapping for 'FR TVA 20%' (20 %, FR, included)", "mappings/tax")), TimeSpan.Zero);

        var parked = await LoadAsync(queued.JobId);
        Assert.Equal((JobState.NeedsAttention, "Configuration", "mappings/tax"), (parked.State, parked.ErrorKind, parked.FixPath));
        Assert.Equal("No tax mapping for 'FR TVA 20%' (20 %, FR, included)", parked.LastError);
        Assert.NotNull(parked.ErrorFingerprint);
    }

    [Fact]
    public async Task A_stale_double_click_on_retry_is_harmless()
    {
        var queued = await Store.EnqueueAsync(tenant, Order("1007"));
        var job = Assert.Single(await Store.ClaimAsync("node-a", 1, Lease));
        await Store.FailAsync(job, "node-a", new JobFailure(JobErrorKind.Validation, "refused"), TimeSpan.Zero);

        var first = await Store.RetryAsync(tenant, queued.JobId, JobState.NeedsAttention, "fiona@alpha.test");
        var second = await Store.RetryAsync(tenant, queued.JobId, JobState.NeedsAttention, "fiona@alpha.test");

        Assert.True(first);
        Assert.False(second);
        Assert.Single(await HistoryAsync(queued.JobId), h => h.Reason == "retried");
        Assert.Equal((JobState.Pending, 0), ((await LoadAsync(queued.JobId)).State, (await LoadAsync(queued.JobId)).Attempts));
    }

    [Fact]
    public async Task Ignoring_needs_a_reason_ends_the_job_and_frees_its_event()
    {
        var queued = await Store.EnqueueAsync(tenant, Order("1008"));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.IgnoreAsync(tenant, queued.JobId, JobState.Pending, "fiona@alpha.test", " "));
        Assert.True(await Store.IgnoreAsync(tenant, queued.JobId, JobState.Pending, "fiona@alpha.test", "test order, not for Odoo"));
        var again = await Store.EnqueueAsync(tenant, Order("1008"));

        Assert.Equal(JobState.Cancelled, (await LoadAsync(queued.JobId)).State);
        Assert.Contains(await HistoryAsync(queued.JobId), h => h.Reason == "ignored: test order, not for Odoo");
        Assert.Equal(EnqueueOutcome.Created, again.Outcome);
        Assert.NotEqual(queued.JobId, again.JobId);
    }

    [Fact]
    public async Task Shutdown_releases_running_jobs_for_another_instance_at_once()
    {
        var queued = await Store.EnqueueAsync(tenant, Order("1009"));
        Assert.Single(await Store.ClaimAsync("node-a", 1, Lease));

        Assert.Equal(1, await Store.ReleaseAsync("node-a"));
        var taken = Assert.Single(await Store.ClaimAsync("node-b", 1, Lease));

        Assert.Equal((queued.JobId, 1), (taken.Id, taken.Attempt));
    }
}
