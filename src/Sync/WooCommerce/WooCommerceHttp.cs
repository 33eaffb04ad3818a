namespace Portal.Sync.WooCommerce;

/// <summary>The named HTTP client and the options a request carries through its handlers.</summary>
internal static class WooCommerceHttp
{
    public const string ClientName = "woocommerce";

    /// <summary>Marks a request the resilience handler may send again after a transient failure (reads and deletes).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Portal.WooCommerce.Idempotent");

    /// <summary>The key and where it goes; <see cref="WooCommerceKeyHandler"/> applies it to every attempt.</summary>
    public static readonly HttpRequestOptionsKey<WooCommerceKeyUse> Key = new("Portal.WooCommerce.Key");
}
