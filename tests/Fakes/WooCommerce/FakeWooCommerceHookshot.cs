using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// WooCommerce's webhook delivery (<c>WC_Webhook::deliver</c>): a POST of the JSON body signed with the webhook's
/// secret (base64 HMAC-SHA256), within 60 seconds, redirects not followed, never retried; and the creation ping
/// (<c>deliver_ping</c>): a form body <c>webhook_id=N</c> with no signature.
/// </summary>
internal sealed class FakeWooCommerceHookshot(FakeWooCommerceShop shop, Func<Uri> site, string userAgent) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<FakeWooCommerceDelivery> deliveries = [];
    private readonly Lock gate = new();

    public IReadOnlyList<FakeWooCommerceDelivery> Deliveries
    {
        get
        {
            lock (gate)
            {
                return [.. deliveries];
            }
        }
    }

    public async Task<FakeWooCommerceDelivery> DeliverAsync(FakeWooCommerceWebhook webhook, JsonNode payload)
    {
        var body = payload.ToJsonString();
        var headers = new Dictionary<string, string>
        {
            ["X-WC-Webhook-Source"] = site().AbsoluteUri,
            ["X-WC-Webhook-Topic"] = webhook.Topic,
            ["X-WC-Webhook-Resource"] = webhook.Resource,
            ["X-WC-Webhook-Event"] = webhook.Event,
            ["X-WC-Webhook-Signature"] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret), Encoding.UTF8.GetBytes(body))),
            ["X-WC-Webhook-ID"] = webhook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-WC-Webhook-Delivery-ID"] = RandomNumberGenerator.GetHexString(32, lowercase: true),
        };
        var delivery = await SendAsync(webhook, headers, "application/json", body);
        shop.RecordDelivery(webhook.Id, delivery.Delivered);
        return delivery;
    }

    public Task<FakeWooCommerceDelivery> PingAsync(FakeWooCommerceWebhook webhook) =>
        SendAsync(webhook, new Dictionary<string, string>(), "application/x-www-form-urlencoded", $"webhook_id={webhook.Id}");

    private async Task<FakeWooCommerceDelivery> SendAsync(FakeWooCommerceWebhook webhook, Dictionary<string, string> headers, string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.DeliveryUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.UserAgent.ParseAdd(userAgent);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        FakeWooCommerceDelivery delivery;
        try
        {
            using var response = await http.SendAsync(request);
            delivery = new(webhook.Id, webhook.DeliveryUrl, headers, contentType, body, (int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            delivery = new(webhook.Id, webhook.DeliveryUrl, headers, contentType, body, null, ex.Message);
        }

        lock (gate)
        {
            deliveries.Add(delivery);
        }

        return delivery;
    }

    public void Dispose() => http.Dispose();
}
