using System.Globalization;
using Portal.Fakes.Orders;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;
using Portal.Tests.Stores;

namespace Portal.Tests.Orders;

/// <summary>A WooCommerce site connected with a read/write REST key; the site delivers its webhooks to the portal itself.</summary>
public class WooCommerceOrderToCashStore : OrderToCashStore
{
    public FakeWooCommerceServer Site { get; private set; } = default!;

    public override string DefaultGateway => "bacs";

    protected override int SubscriptionCount => 3;

    public override string Add(FakeOrderSpec spec) => Site.Shop.AddOrder(spec).ToString(CultureInfo.InvariantCulture);

    public override Task SendCreatedAsync(string orderId) => SendAsync("order.created", orderId);

    public override Task SendUpdatedAsync(string orderId) => SendAsync("order.updated", orderId);

    public override void Update(string orderId, Func<FakeOrderSpec, FakeOrderSpec> edit) => Site.Shop.UpdateOrder(Id(orderId), edit);

    /// <summary>WooCommerce announces a refund only as a change of its order.</summary>
    public override async Task<string> RefundAsync(string orderId, FakeRefundSpec refund)
    {
        var refundId = Site.Shop.AddRefund(Id(orderId), refund);
        await SendUpdatedAsync(orderId);
        return refundId.ToString(CultureInfo.InvariantCulture);
    }

    public override Task CancelAsync(string orderId)
    {
        Site.Shop.CancelOrder(Id(orderId));
        return SendUpdatedAsync(orderId);
    }

    public override string OrderName(string orderId) => Site.Shop.Order(Id(orderId))!["number"]!.GetValue<string>();

    protected override async Task StartPlatformAsync() => Site = await FakeWooCommerceServer.StartAsync();

    protected override async Task StopPlatformAsync() => await Site.DisposeAsync();

    protected override Task<StoreConnectResult> ConnectAsync(StoreDirectory stores) => stores.ConnectWooCommerceAsync(FakeStoreForms.WooCommerce(Site, "Wholesale"));

    private async Task SendAsync(string topic, string orderId)
    {
        var deliveries = await Site.SendOrderWebhookAsync(Id(orderId), topic);
        Assert.All(deliveries, d => Assert.Equal(200, d.Status));
    }

    private static long Id(string orderId) => long.Parse(orderId, CultureInfo.InvariantCulture);
}
