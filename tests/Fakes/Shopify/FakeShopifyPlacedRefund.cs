using Portal.Fakes.Orders;

namespace Portal.Fakes.Shopify;

/// <summary>
/// A refund on a <see cref="FakeShopifyPlacedOrder"/>: one refund line per line of <see cref="Spec"/> (ids in
/// <see cref="LineIds"/>), a refunded shipping line when it refunds shipping, and the refund transaction of
/// <see cref="Amount"/> (<see cref="FakeOrderMath.RefundAmount"/>).
/// </summary>
public sealed record FakeShopifyPlacedRefund(
    long Id,
    FakeRefundSpec Spec,
    DateTimeOffset CreatedAt,
    IReadOnlyList<long> LineIds,
    long? ShippingLineId,
    FakeShopifyTransaction Transaction)
{
    public decimal Amount => Transaction.Amount;
}
