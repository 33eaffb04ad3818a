using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Portal.Data.Entities;
using Portal.Sync.Stores;
using Portal.Sync.Webhooks;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// WooCommerce's webhooks. Creating one sends an unsigned ping (form body "webhook_id=N") that must get a
/// 200, or WooCommerce refuses to save it. Deliveries are never retried, so the polling job backs them up.
/// </summary>
public sealed class WooCommerceWebhookDialect : IWebhookDialect
{
    private static readonly WebhookRoute Orders = new(StoreChangeJobs.OrdersFlow, r => $"Order #{r.Label ?? r.Id}", r => StoreChangeJobs.OrderSubjectKey(r.StoreId, r.Id), WebhookEventKeys.OrderChange);
    private static readonly WebhookRoute Products = new("products.sync", r => $"Product {r.Label ?? r.Id}", r => $"product:{r.StoreId}:{r.Id}", WebhookEventKeys.ByDelivery);

    private static readonly Dictionary<string, WebhookRoute> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["order.created"] = Orders,
        ["order.updated"] = Orders,
        ["order.deleted"] = Orders,
        ["order.restored"] = Orders,
        ["product.created"] = Products,
        ["product.updated"] = Products,
    };

    public StorePlatform Platform => StorePlatform.WooCommerce;

    private static readonly string[] KeptHeaders =
        ["X-WC-Webhook-Source", "X-WC-Webhook-Topic", "X-WC-Webhook-Resource", "X-WC-Webhook-Event", "X-WC-Webhook-ID", "X-WC-Webhook-Delivery-ID"];

    public IEnumerable<KeyValuePair<string, string>> HeadersToKeep(Func<string, StringValues> header) =>
        KeptHeaders.Select(name => (name, Value: Read(header, name)))
            .Where(h => h.Value is not null)
            .Select(h => KeyValuePair.Create(h.name, h.Value!));

    public string? Signature(Func<string, StringValues> header) => Read(header, "X-WC-Webhook-Signature");

    public string? Topic(Func<string, StringValues> header) => Read(header, "X-WC-Webhook-Topic");

    public string? DeliveryId(Func<string, StringValues> header) => Read(header, "X-WC-Webhook-Delivery-ID");

    public bool IsPing(Func<string, StringValues> header, string? contentType, ReadOnlySpan<byte> body) =>
        Signature(header) is null && body.StartsWith("webhook_id="u8)
        && contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    public WebhookRoute? Route(string topic) => Routes.GetValueOrDefault(topic);

    /// <remarks>
    /// The version is <c>date_modified_gmt</c>, as polling reads it. Plain <c>date_modified</c> is the site's local
    /// time without an offset: read as UTC it could name a later version of the order, whose change would then be
    /// skipped as already done, so a body without the UTC time is named by its delivery instead.
    /// </remarks>
    public WebhookResource? Resource(Guid storeId, JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && WebhookJson.Text(body, "id") is { } id
            ? new WebhookResource(storeId, id, WebhookJson.Text(body, "number") ?? WebhookJson.Text(body, "name"), WebhookJson.Text(body, "parent_id"),
                WebhookJson.Time(body, "date_modified_gmt"))
            : null;

    private static string? Read(Func<string, StringValues> header, string name) => header(name) is { Count: > 0 } value ? value.ToString() : null;
}
