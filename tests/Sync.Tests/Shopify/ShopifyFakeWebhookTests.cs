using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Fakes;
using Portal.Fakes.Shopify;
using Portal.Sync.Shopify;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Shopify;

/// <summary>The fake shop delivers webhooks the way the portal's Shopify intake reads them.</summary>
public class ShopifyFakeWebhookTests
{
    [Fact]
    public async Task A_delivery_is_signed_with_the_secret_and_carries_Shopifys_headers()
    {
        var received = new ConcurrentQueue<(HeaderDictionary Headers, byte[] Body)>();
        await using var receiver = await LoopbackServer.StartAsync(app => app.MapPost("/webhooks", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);

            // The request's own headers are recycled once it is answered.
            received.Enqueue((new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body.ToArray()));
        }));
        var address = new Uri(receiver.Url, "/webhooks");
        await using var shop = await FakeShopifyServer.StartAsync();

        using var response = await shop.SendWebhookAsync(address, "orders/create", "{\"id\":820982911946154508}", "app-secret", eventId: "event-1");

        Assert.True(response.IsSuccessStatusCode);
        var (headers, body) = Assert.Single(received);
        var dialect = new ShopifyWebhookDialect();
        Assert.Equal("orders/create", dialect.Topic(name => headers[name]));
        Assert.Equal("event-1", dialect.DeliveryId(name => headers[name]));
        Assert.True(WebhookSignature.IsValid(body, dialect.Signature(name => headers[name]), Encoding.UTF8.GetBytes("app-secret")));
        Assert.False(WebhookSignature.IsValid(body, dialect.Signature(name => headers[name]), Encoding.UTF8.GetBytes("other-secret")));
        Assert.Equal(
            ["Shopify-Topic", "Shopify-Shop-Domain", "Shopify-API-Version", "Shopify-Webhook-Id", "Shopify-Event-Id", "Shopify-Triggered-At"],
            dialect.HeadersToKeep(name => headers[name]).Select(header => header.Key));
        Assert.Equal(FakeShopifyServer.ShopDomain, headers["X-Shopify-Shop-Domain"].ToString());
    }
}
