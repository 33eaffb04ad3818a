using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Shopify;

/// <summary>
/// The process's knowledge of Shopify's rate limits: one <see cref="ShopifyThrottle"/> per shop, whichever client
/// asks, and the requested cost each request shape was last charged (a document with its page sizes), which is
/// what the next such request is expected to cost. A shape not seen yet has no expected cost: its first answer tells.
/// </summary>
public sealed class ShopifyThrottles(TimeProvider time, IOptions<ShopifyOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, ShopifyThrottle> shops = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, double> costs = new(StringComparer.Ordinal);

    public ShopifyThrottle For(ShopifyShop shop) =>
        shops.GetOrAdd(shop.Domain, _ => new ShopifyThrottle(time, options.Value.ThrottleSafetyMargin));

    public double? ExpectedCost(string requestShape) => costs.TryGetValue(requestShape, out var cost) ? cost : null;

    public void Charged(string requestShape, double requestedCost) => costs[requestShape] = requestedCost;

    public void Dispose()
    {
        foreach (var throttle in shops.Values)
        {
            throttle.Dispose();
        }
    }
}
