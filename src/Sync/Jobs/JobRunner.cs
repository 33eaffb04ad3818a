using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Sync.Logging;

namespace Portal.Sync.Jobs;

/// <summary>
/// Claims due jobs up to this instance's concurrency, runs each with its flow's handler under a time limit,
/// and records the outcomes. Runs until nothing is due; the scheduler calls it again. The outcomes are
/// recorded between claims, all that are in by then with one transaction, so a busy instance writes a few
/// jobs at a time instead of one.
/// </summary>
public sealed class JobRunner(
    JobStore store,
    IEnumerable<IJobHandler> handlers,
    IOptions<JobEngineOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, IJobHandler> handlersByFlow = handlers.ToDictionary(h => h.Flow);

    public string InstanceId => options.Value.InstanceId;

    /// <summary>Runs due jobs until none is left; returns how many ran.</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        var engine = options.Value;
        var running = new List<Task<JobOutcome?>>();
        var ran = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var finished = running.Where(t => t.IsCompleted).ToList();
            running.RemoveAll(finished.Contains);
            await RecordAsync(finished);

            var free = engine.Concurrency - running.Count;
            var claimed = free > 0 ? await store.ClaimAsync(engine.InstanceId, free, engine.LeaseDuration, cancellationToken) : [];
            if (claimed.Count == 0 && running.Count == 0)
            {
                break;
            }

            running.AddRange(claimed.Select(job => Task.Run(() => RunOneAsync(job, cancellationToken), CancellationToken.None)));
            ran += claimed.Count;
            if (claimed.Count == 0 || running.Count >= engine.Concurrency)
            {
                await Task.WhenAny(running);
            }
        }

        await Task.WhenAll(running);
        await RecordAsync(running);
        return ran;
    }

    /// <summary>Null when the attempt was stopped by shutdown: the engine's shutdown releases its lease.</summary>
    private async Task<JobOutcome?> RunOneAsync(ClaimedJob job, CancellationToken stopping)
    {
        var engine = options.Value;
        using var scope = SyncLogScope.Begin(logger, job.TenantId, job.StoreId, job.Id);
        var watch = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(engine.JobTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, stopping);
        try
        {
            if (!handlersByFlow.TryGetValue(job.Flow, out var handler))
            {
                throw new InvalidOperationException($"No handler runs the flow '{job.Flow}' in this version of the portal.");
            }

            await handler.RunAsync(job, linked.Token);
            return new JobOutcome(job, watch.Elapsed);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return new JobOutcome(job, watch.Elapsed, new JobFailure(JobErrorKind.Transient, $"Timed out after {engine.JobTimeout.TotalSeconds:0} s."));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            var failure = JobFailures.From(ex);
            logger.LogWarning("Job {Subject} failed ({Kind}): {Message}", job.Subject, failure.Kind, failure.Message);
            return new JobOutcome(job, watch.Elapsed, failure);
        }
    }

    private async Task RecordAsync(IEnumerable<Task<JobOutcome?>> finished)
    {
        var outcomes = finished.Select(t => t.Result).OfType<JobOutcome>().ToList();
        var done = outcomes.Where(o => o.Failure is null).Select(o => (o.Job, o.Duration)).ToList();
        foreach (var job in await store.CompleteAsync(done, InstanceId, CancellationToken.None))
        {
            using var scope = SyncLogScope.Begin(logger, job.TenantId, job.StoreId, job.Id);
            logger.LogWarning("Job {Subject} finished after its lease was taken over; the other instance's outcome stands.", job.Subject);
        }

        foreach (var failed in outcomes.Where(o => o.Failure is not null))
        {
            await store.FailAsync(failed.Job, InstanceId, failed.Failure!, failed.Duration, CancellationToken.None);
        }
    }
}
