namespace Portal.Fakes.Shopify;

/// <summary>
/// Shopify's leaky bucket of query-cost points for one app on one shop: a query needs its requested cost in the
/// bucket before it runs, is charged that, and gets back the difference to its actual cost afterwards; the bucket
/// refills at <see cref="RestoreRate"/> points a second, up to <see cref="MaximumAvailable"/>.
/// </summary>
public sealed class FakeShopifyBucket(double maximumAvailable, double restoreRate, TimeProvider time)
{
    private readonly Lock gate = new();
    private double available = maximumAvailable;
    private double charged;
    private long updatedAt = time.GetTimestamp();

    public double MaximumAvailable { get; } = maximumAvailable;

    public double RestoreRate { get; } = restoreRate;

    /// <summary>The points charged so far: every answered query's actual cost.</summary>
    public double TotalCharged
    {
        get
        {
            lock (gate)
            {
                return charged;
            }
        }
    }

    public double CurrentlyAvailable
    {
        get
        {
            lock (gate)
            {
                return Refill();
            }
        }
    }

    /// <summary>Charges <paramref name="cost"/> if the bucket holds it; false (and nothing charged) when it would be THROTTLED.</summary>
    public bool TryTake(double cost)
    {
        lock (gate)
        {
            if (Refill() < cost)
            {
                return false;
            }

            available -= cost;
            charged += cost;
            return true;
        }
    }

    public void Refund(double points)
    {
        lock (gate)
        {
            available = Math.Min(MaximumAvailable, Refill() + points);
            charged -= points;
        }
    }

    /// <summary>Empties the bucket, as another app process of the same app would have.</summary>
    public void Drain()
    {
        lock (gate)
        {
            Refill();
            available = 0;
        }
    }

    private double Refill()
    {
        var now = time.GetTimestamp();
        available = Math.Min(MaximumAvailable, available + (RestoreRate * time.GetElapsedTime(updatedAt, now).TotalSeconds));
        updatedAt = now;
        return available;
    }
}
