using Microsoft.Extensions.Time.Testing;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// A fake clock on which waiting takes no real time: a timer started on it moves the clock to its due time at
/// once, so code that waits (Task.Delay on this provider) goes on immediately, having seen the time pass. The fake
/// Shopify's bucket refills on the same clock. <see cref="Waits"/> records every wait.
/// </summary>
internal sealed class SkippingClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<TimeSpan> waits = [];

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (gate)
            {
                return [.. waits];
            }
        }
    }

    public TimeSpan Waited => Waits.Aggregate(TimeSpan.Zero, (total, wait) => total + wait);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                waits.Add(dueTime);
            }

            // After the caller holds its timer: advancing inside CreateTimer would fire it before the caller is ready.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                lock (gate)
                {
                    Fake.Advance(dueTime);
                }
            });
        }

        return timer;
    }
}
