using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Portal.Data.Entities;
using Portal.Sync.Stores;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Shopify;

/// <summary>
/// Shopify's webhooks. Newer deliveries drop the "X-" from the header names, so both spellings are read.
/// The event id is the same for every retry of one event, the webhook id differs per delivery attempt.
/// </summary>
public sealed class ShopifyWebhookDialect : IWebhookDialect
{
    private static readonly WebhookRoute Orders = new(StoreChangeJobs.OrdersFlow, r => $"Order {r.Label ?? r.Id}", r => StoreChangeJobs.OrderSubjectKey(r.StoreId, r.Id), WebhookEventKeys.OrderChange);
    private static readonly WebhookRoute Refunds = new(StoreChangeJobs.RefundsFlow, r => $"Refund {r.Id} of order {r.ParentId}", r => StoreChangeJobs.OrderSubjectKey(r.StoreId, r.ParentId), WebhookEventKeys.Refund);
    private static readonly WebhookRoute Products = new("products.sync", r => $"Product {r.Label ?? r.Id}", r => $"product:{r.StoreId}:{r.Id}", WebhookEventKeys.ByDelivery);
    private static readonly WebhookRoute Uninstalled = new("store.uninstalled", _ => "App uninstalled", r => $"store:{r.StoreId}", WebhookEventKeys.ByDelivery);

    private static readonly Dictionary<string, WebhookRoute> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["orders/create"] = Orders,
        ["orders/updated"] = Orders,
        ["orders/paid"] = Orders,
        ["orders/cancelled"] = Orders,
        ["refunds/create"] = Refunds,
        ["products/create"] = Products,
        ["products/update"] = Products,
        ["app/uninstalled"] = Uninstalled,
    };

    public StorePlatform Platform => StorePlatform.Shopify;

    private static readonly string[] KeptHeaders = ["Topic", "Shop-Domain", "API-Version", "Webhook-Id", "Event-Id", "Triggered-At"];

    public IEnumerable<KeyValuePair<string, string>> HeadersToKeep(Func<string, StringValues> header) =>
        KeptHeaders.Select(name => (name, Value: Read(header, name)))
            .Where(h => h.Value is not null)
            .Select(h => KeyValuePair.Create($"Shopify-{h.name}", h.Value!));

    public string? Signature(Func<string, StringValues> header) => Read(header, "Hmac-Sha256");

    public string? Topic(Func<string, StringValues> header) => Read(header, "Topic");

    public string? DeliveryId(Func<string, StringValues> header) => Read(header, "Event-Id") ?? Read(header, "Webhook-Id");

    public bool IsPing(Func<string, StringValues> header, string? contentType, ReadOnlySpan<byte> body) => false;

    public WebhookRoute? Route(string topic) => Routes.GetValueOrDefault(topic);

    public WebhookResource? Resource(Guid storeId, JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && WebhookJson.Text(body, "id") is { } id
            ? new WebhookResource(storeId, id, WebhookJson.Text(body, "name") ?? WebhookJson.Text(body, "title"), WebhookJson.Text(body, "order_id"),
                WebhookJson.Time(body, "updated_at"))
            : null;

    /// <summary>Reads a Shopify header in either spelling.</summary>
    public static string? Read(Func<string, StringValues> header, string name) =>
        header($"X-Shopify-{name}") is { Count: > 0 } legacy ? legacy.ToString()
        : header($"Shopify-{name}") is { Count: > 0 } current ? current.ToString()
        : null;
}
