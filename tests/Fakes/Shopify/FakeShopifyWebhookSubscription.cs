namespace Portal.Fakes.Shopify;

/// <summary>A webhook subscription the fake shop holds; <see cref="Topic"/> is the GraphQL enum value (ORDERS_CREATE).</summary>
public sealed record FakeShopifyWebhookSubscription(long Id, string Topic, Uri Uri)
{
    public string Gid => $"gid://shopify/WebhookSubscription/{Id}";
}
