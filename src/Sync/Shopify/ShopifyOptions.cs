namespace Portal.Sync.Shopify;

/// <summary>
/// Bound from "Shopify": the Admin API version the connector speaks, its rate-limit manners, and the scopes an install
/// asks for. Each shop's app (client id and secret) is the merchant's, kept with the store, not here.
/// </summary>
public sealed class ShopifyOptions
{
    public const string SectionName = "Shopify";

    /// <summary>
    /// The version the documents in Operations/ are written and schema-checked against; a test validates them
    /// against this version's schema, so changing it means running that test with the new schema.
    /// </summary>
    public const string PinnedApiVersion = "2026-10";

    /// <summary>Shopify's limit for <c>first</c>/<c>last</c> and for input lists.</summary>
    public const int MaxPageSize = 250;

    public string ApiVersion { get; set; } = PinnedApiVersion;

    /// <summary>
    /// Query-cost points left unused in a shop's bucket: our estimate of the bucket can be a little optimistic
    /// (another process of the same app, a query that cost more than last time), and a THROTTLED answer costs a round trip.
    /// </summary>
    public double ThrottleSafetyMargin { get; set; } = 50;

    /// <summary>How often a THROTTLED or 429 answer is waited out and the request sent again before it fails as transient.</summary>
    public int MaxThrottledRetries { get; set; } = 5;

    /// <summary>One HTTP attempt's limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Orders per page when polling for changed orders (each is then read in full, which is where the cost is).</summary>
    public int OrdersPageSize { get; set; } = 50;

    /// <summary>
    /// The access scopes the app asks for when a merchant installs it, comma-separated as Shopify's authorize URL
    /// takes them (a list here would have configuration add to the defaults rather than replace them).
    /// </summary>
    public string Scopes { get; set; } =
        "read_orders,read_products,write_products,write_files,read_inventory,write_inventory,read_fulfillments,write_fulfillments," +
        "read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders,read_customers,read_locations";
}
