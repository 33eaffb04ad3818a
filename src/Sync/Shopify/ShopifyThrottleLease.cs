namespace Portal.Sync.Shopify;

/// <summary>
/// Points reserved in a shop's bucket for one request in flight. <see cref="Report"/> hands back what the answer
/// said about the bucket; disposing releases the reservation either way.
/// </summary>
public sealed class ShopifyThrottleLease : IDisposable
{
    private readonly ShopifyThrottle throttle;
    private readonly double cost;
    private readonly long order;
    private ShopifyThrottleStatus? status;
    private bool released;

    internal ShopifyThrottleLease(ShopifyThrottle throttle, double cost, long order)
    {
        this.throttle = throttle;
        this.cost = cost;
        this.order = order;
    }

    public void Report(ShopifyThrottleStatus reported) => status = reported;

    public void Dispose()
    {
        if (!released)
        {
            released = true;
            throttle.Release(cost, order, status);
        }
    }
}
