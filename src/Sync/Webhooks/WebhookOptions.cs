namespace Portal.Sync.Webhooks;

/// <summary>Bound from "Webhooks".</summary>
public sealed class WebhookOptions
{
    /// <summary>Larger bodies are refused with 413 before they are read; Shopify's and WooCommerce's largest orders stay far below.</summary>
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;
}
