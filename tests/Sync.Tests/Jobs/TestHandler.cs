using System.Collections.Concurrent;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

/// <summary>A flow whose behaviour each test sets; it counts runs and how many ran at once.</summary>
internal sealed class TestHandler(string flow) : IJobHandler
{
    private int active;

    public string Flow { get; } = flow;

    public Func<ClaimedJob, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public ConcurrentDictionary<Guid, int> Runs { get; } = new();

    public int MostAtOnce { get; private set; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once two jobs run at the same time.</summary>
    public TaskCompletionSource TwoRunning { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        // Read before signalling: a test may change the behaviour for later runs as soon as this one started.
        var behaviour = Behaviour;
        Runs.AddOrUpdate(job.Id, 1, (_, count) => count + 1);
        var now = Interlocked.Increment(ref active);
        lock (Runs)
        {
            MostAtOnce = Math.Max(MostAtOnce, now);
        }

        Started.TrySetResult();
        if (now >= 2)
        {
            TwoRunning.TrySetResult();
        }

        try
        {
            await behaviour(job, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }
}
