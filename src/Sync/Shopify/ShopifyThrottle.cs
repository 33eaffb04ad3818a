namespace Portal.Sync.Shopify;

/// <summary>
/// What this process knows of one shop's leaky bucket, shared by every client of the shop: the last throttle
/// status Shopify reported, refilled at its restore rate since then, less what requests in flight may still take.
/// A request waits (on the <see cref="TimeProvider"/>) until its estimated cost fits, so a steady stream of
/// requests is never THROTTLED; waiters go one at a time, in arrival order. A request of unknown cost (its shape
/// not seen yet) goes alone, and an answer older than the one the picture comes from is not taken over it.
/// </summary>
public sealed class ShopifyThrottle : IDisposable
{
    private readonly TimeProvider time;
    private readonly double safetyMargin;
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock gate = new();
    private ShopifyThrottleStatus? reported;
    private long reportedAt;
    private long reportedOrder;
    private long sent;
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

    /// <summary>
    /// Waits until the request's expected cost (plus the safety margin) is likely available, and reserves it; a
    /// request whose cost is not known yet waits until no other request is in flight. The expectation is asked
    /// again after every wait: an answer that came meanwhile may have told it.
    /// </summary>
    public async Task<ShopifyThrottleLease> AcquireAsync(Func<double?> expectedCost, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Task wait;
                var cost = expectedCost();
                lock (gate)
                {
                    if (Fits(cost))
                    {
                        reserved += cost ?? 0;
                        inFlight++;
                        return new ShopifyThrottleLease(this, cost ?? 0, ++sent);
                    }

                    // While requests are in flight their answers will tell more than the clock can.
                    wait = inFlight > 0 || reported is not { } status
                        ? answered.Task
                        : Task.Delay(TimeSpan.FromSeconds((Needed(cost ?? 0, status) - Refilled(status)) / Math.Max(status.RestoreRate, 1)), time, cancellationToken);
                }

                await wait.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    internal void Release(double cost, long order, ShopifyThrottleStatus? status)
    {
        lock (gate)
        {
            reserved -= cost;
            inFlight--;
            if (status is not null && order > reportedOrder)
            {
                reported = status;
                reportedAt = time.GetTimestamp();
                reportedOrder = order;
            }

            answered.TrySetResult();
            answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Dispose() => turn.Dispose();

    // Before the first answer the bucket is unknown: one request goes alone and learns it for the others.
    private bool Fits(double? cost) => reported is { } status
        ? (cost is not null || inFlight == 0) && Refilled(status) - reserved >= Needed(cost ?? 0, status)
        : inFlight == 0;

    // A query that costs more than the whole bucket cannot wait for more; Shopify runs it on a full bucket.
    private double Needed(double cost, ShopifyThrottleStatus status) => Math.Min(cost + safetyMargin, status.MaximumAvailable);

    private double Refilled(ShopifyThrottleStatus status) =>
        Math.Min(status.MaximumAvailable, status.CurrentlyAvailable + (status.RestoreRate * time.GetElapsedTime(reportedAt).TotalSeconds));
}
