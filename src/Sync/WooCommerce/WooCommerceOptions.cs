using Portal.Sync.Http;

namespace Portal.Sync.WooCommerce;

/// <summary>Bound from "WooCommerce": timeouts, retries and request sizes of the WooCommerce REST client.</summary>
public sealed class WooCommerceOptions : IRetrySettings
{
    public const string SectionName = "WooCommerce";

    /// <summary>WooCommerce's own ceiling for <c>per_page</c> and for the objects of one batch request.</summary>
    public const int MaxItemsPerRequest = 100;

    /// <summary>One attempt's limit; a shared host can take seconds for a page of 100 orders.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for a call with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries of reads and deletes after transient failures; creations are never resent blindly.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter (a 429's Retry-After wins).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Objects per listed page (<c>per_page</c>), at most 100.</summary>
    public int PageSize { get; set; } = MaxItemsPerRequest;

    /// <summary>Objects per batch request, at most 100; a site that lowered <c>woocommerce_rest_batch_items_limit</c> needs less.</summary>
    public int BatchSize { get; set; } = MaxItemsPerRequest;

}
