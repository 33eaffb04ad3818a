using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Sync.Logging;

namespace Portal.Sync.Jobs;

/// <summary>
/// Claims due jobs up to this instance's concurrency, runs each with its flow's handler under a time limit,
/// and records the outcome. Runs until nothing is due; the scheduler calls it again.
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
        var running = new List<Task>();
        var ran = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
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
        return ran;
    }

    private async Task RunOneAsync(ClaimedJob job, CancellationToken stopping)
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
            if (!await store.CompleteAsync(job, engine.InstanceId, watch.Elapsed, CancellationToken.None))
            {
                logger.LogWarning("Job {Subject} finished after its lease was taken over; the other instance's outcome stands.", job.Subject);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            await store.FailAsync(job, engine.InstanceId, new JobFailure(JobErrorKind.Transient, $"Timed out after {engine.JobTimeout.TotalSeconds:0} s."), watch.Elapsed, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the lease is released by the engine's shutdown, so another instance picks the job up.
        }
        catch (Exception ex)
        {
            var failure = JobFailures.From(ex);
            logger.LogWarning("Job {Subject} failed ({Kind}): {Message}", job.Subject, failure.Kind, failure.Message);
            await store.FailAsync(job, engine.InstanceId, failure, watch.Elapsed, CancellationToken.None);
        }
    }
}
