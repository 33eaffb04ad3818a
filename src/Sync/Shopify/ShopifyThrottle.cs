namespace Portal.Sync.Shopify;

/// <summary>
/// What this process knows of one shop's leaky bucket, shared by every client of the shop: the last throttle
/// status Shopify reported, refilled at its restore rate since then, less what requests in flight may still take.
/// A request waits (on the <see cref="TimeProvider"/>) until its estimated cost fits, so a steady stream of
/// requests is never THROTTLED; waiters go one at a time, in arrival order.
/// </summary>
public sealed class ShopifyThrottle : IDisposable
{
    private readonly TimeProvider time;
    private readonly double safetyMargin;
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock gate = new();
    private ShopifyThrottleStatus? reported;
    private long reportedAt;
    private double reserved;
    private int inFlight;
    private TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ShopifyThrottle(TimeProvider time, double safetyMargin)
    {
        this.time = time;
        this.safetyMargin = safetyMargin;
    }

    /// <summary>The last reported status, refilled to now; null before the first answer.</summary>
    public ShopifyThrottleStatus? Estimate
    {
        get
        {
            lock (gate)
            {
                return reported is { } status ? status with { CurrentlyAvailable = Refilled(status) } : null;
            }
        }
    }

    /// <summary>Waits until <paramref name="cost"/> points (plus the safety margin) are likely available, and reserves them.</summary>
    public async Task<ShopifyThrottleLease> AcquireAsync(double cost, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Task wait;
                lock (gate)
                {
                    if (Fits(cost))
                    {
                        reserved += cost;
                        inFlight++;
                        return new ShopifyThrottleLease(this, cost);
                    }

                    // While requests are in flight their answers will tell more than the clock can.
                    wait = inFlight > 0 || reported is not { } status
                        ? answered.Task
                        : Task.Delay(TimeSpan.FromSeconds((Needed(cost, status) - Refilled(status)) / Math.Max(status.RestoreRate, 1)), time, cancellationToken);
                }

                await wait.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    internal void Release(double cost, ShopifyThrottleStatus? status)
    {
        lock (gate)
        {
            reserved -= cost;
            inFlight--;
            if (status is not null)
            {
                reported = status;
                reportedAt = time.GetTimestamp();
            }

            answered.TrySetResult();
            answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Dispose() => turn.Dispose();

    // Before the first answer the bucket is unknown: one request goes alone and learns it for the others.
    private bool Fits(double cost) => reported is { } status
        ? Refilled(status) - reserved >= Needed(cost, status)
        : inFlight == 0;

    // A query that costs more than the whole bucket cannot wait for more; Shopify runs it on a full bucket.
    private double Needed(double cost, ShopifyThrottleStatus status) => Math.Min(cost + safetyMargin, status.MaximumAvailable);

    private double Refilled(ShopifyThrottleStatus status) =>
        Math.Min(status.MaximumAvailable, status.CurrentlyAvailable + (status.RestoreRate * time.GetElapsedTime(reportedAt).TotalSeconds));
}
