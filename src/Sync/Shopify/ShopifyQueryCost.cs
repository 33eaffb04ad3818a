using System.Text.Json.Nodes;

namespace Portal.Sync.Shopify;

/// <summary>A response's <c>extensions.cost</c>: what the query was charged up front, and the bucket after it.</summary>
internal sealed record ShopifyQueryCost(double Requested, ShopifyThrottleStatus Status)
{
    public static ShopifyQueryCost? From(JsonNode? cost) =>
        cost?["throttleStatus"] is JsonObject status
        && Number(status["maximumAvailable"]) is { } maximum
        && Number(status["currentlyAvailable"]) is { } available
        && Number(status["restoreRate"]) is { } rate
            ? new ShopifyQueryCost(Number(cost["requestedQueryCost"]) ?? 0, new ShopifyThrottleStatus(maximum, available, rate))
            : null;

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
