namespace Portal.Fakes.WooCommerce;

/// <summary>A webhook delivery or ping the fake sent: what it sent and what came back (<see cref="Status"/> null when the address could not be reached).</summary>
public sealed record FakeWooCommerceDelivery(
    long WebhookId, Uri Address, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body, int? Status, string? Error)
{
    /// <summary>WooCommerce counts 2xx, 301 and 302 as delivered.</summary>
    public bool Delivered => Status is >= 200 and < 303;
}
