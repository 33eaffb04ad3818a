namespace Portal.Sync.Commerce;

/// <summary>
/// Money or goods given back on an order. <see cref="Amount"/> is what went back to the customer (Shopify: the
/// successful refund transactions; WooCommerce: the refund's amount). <see cref="Shipping"/> is the shipping the
/// store itemized as refunded, zero when it itemized none. <see cref="CreatedAt"/> is null for the refund
/// summaries WooCommerce embeds in an order.
/// </summary>
public sealed record CommerceRefund
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? Note { get; init; }

    /// <summary>Whether the refunded goods go back to stock, when the store says so for the refund as a whole.</summary>
    public bool? Restock { get; init; }

    public required IReadOnlyList<CommerceRefundLine> Lines { get; init; }
    public required decimal Shipping { get; init; }

    /// <summary>The tax on <see cref="Shipping"/>, where the store itemized it (Shopify's refunded shipping lines).</summary>
    public decimal ShippingTax { get; init; }

    public required IReadOnlyList<CommerceRefundAdjustment> Adjustments { get; init; }
    public required IReadOnlyList<CommercePayment> Transactions { get; init; }
    public required decimal Amount { get; init; }
}

/// <summary>
/// An amount refunded outside the lines (Shopify order adjustments), e.g. kind "shipping_refund" or
/// "refund_discrepancy", with the amounts as the store signs them.
/// </summary>
public sealed record CommerceRefundAdjustment(string? Kind, string? Reason, decimal Amount, decimal TaxAmount);
