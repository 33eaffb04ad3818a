using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// What a refund's body leaves to its order: the order's id (only a link names it), whether its prices include tax,
/// and the gateway that took the payment a refund gives back through.
/// </summary>
internal sealed record WooCommerceRefundOrigin(string OrderId, bool PricesIncludeTax, string? Gateway, string? GatewayTitle, string? Currency)
{
    /// <summary>An order nothing is known of but its id: amounts stay as WooCommerce keeps them, without tax.</summary>
    public static WooCommerceRefundOrigin OfOrderId(string orderId) => new(orderId, false, null, null, null);

    /// <summary>WooCommerce records one payment per order, so its gateway is the one refunds go back through.</summary>
    public static WooCommerceRefundOrigin Of(CommerceOrder order)
    {
        var payment = order.Payments.Count > 0 ? order.Payments[0] : null;
        return new(order.Id, order.PricesIncludeTax, payment?.Gateway, payment?.GatewayTitle, order.Currency);
    }
}
