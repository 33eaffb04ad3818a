namespace Portal.Sync.Shopify;

/// <summary>A shop's query-cost bucket as a response's <c>extensions.cost.throttleStatus</c> reported it, in points (points per second for the rate).</summary>
public readonly record struct ShopifyThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);
