using System.Globalization;
using System.Net;
using Portal.Fakes.Orders;
using Portal.Fakes.Shopify;
using Portal.Sync.Stores;
using Portal.Tests.Stores;

namespace Portal.Tests.Orders;

/// <summary>A Shopify shop connected with an app's access token; its webhooks are signed with the app's secret as Shopify signs them.</summary>
public class ShopifyOrderToCashStore : OrderToCashStore
{
    public FakeShopifyServer Shop { get; private set; } = default!;

    public override string DefaultGateway => "shopify_payments";

    protected override int SubscriptionCount => 6;

    private Uri Target => new(Portal.Host.BaseAddress, $"/webhooks/shopify/{StoreId}");

    public override string Add(FakeOrderSpec spec) => Shop.AddOrder(spec).ToString(CultureInfo.InvariantCulture);

    public override Task SendCreatedAsync(string orderId) => SendAsync("orders/create", orderId);

    public override Task SendUpdatedAsync(string orderId) => SendAsync("orders/updated", orderId);

    public override void Update(string orderId, Func<FakeOrderSpec, FakeOrderSpec> edit) => Shop.UpdateOrder(Id(orderId), edit);

    public override async Task<string> RefundAsync(string orderId, FakeRefundSpec refund)
    {
        var refundId = Shop.AddRefund(Id(orderId), refund);
        using var response = await Shop.SendRefundWebhookAsync(Target, refundId, Shop.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return refundId.ToString(CultureInfo.InvariantCulture);
    }

    public override Task CancelAsync(string orderId)
    {
        Shop.CancelOrder(Id(orderId));
        return SendAsync("orders/cancelled", orderId);
    }

    public override string OrderName(string orderId) => Shop.PlacedOrder(Id(orderId)).Name;

    /// <summary>Delivers a webhook with this exact body, as Shopify's retry of one event does.</summary>
    public async Task SendAgainAsync(string topic, string orderId, string eventId)
    {
        using var response = await Shop.SendOrderWebhookAsync(Target, topic, Id(orderId), Shop.ClientSecret, eventId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected override async Task StartPlatformAsync() => Shop = await FakeShopifyServer.StartAsync();

    protected override async Task StopPlatformAsync() => await Shop.DisposeAsync();

    protected override Task<StoreConnectResult> ConnectAsync(StoreDirectory stores) => stores.ConnectShopifyAsync(FakeStoreForms.Shopify(Shop, "Alpha US"));

    private async Task SendAsync(string topic, string orderId)
    {
        using var response = await Shop.SendOrderWebhookAsync(Target, topic, Id(orderId), Shop.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static long Id(string orderId) => long.Parse(orderId, CultureInfo.InvariantCulture);
}
