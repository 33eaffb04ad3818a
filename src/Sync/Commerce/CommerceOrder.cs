namespace Portal.Sync.Commerce;

/// <summary>
/// An order as the flows see it, whichever store it came from. Ids are the store's own decimal ids as text
/// (Shopify's exact ones); amounts are in <see cref="Currency"/>, the shop's currency, and include tax exactly
/// when <see cref="PricesIncludeTax"/> is set.
/// </summary>
public sealed record CommerceOrder
{
    public required string Id { get; init; }

    /// <summary>What the merchant calls it: Shopify's "#1001", WooCommerce's order number.</summary>
    public required string Name { get; init; }

    public string? Number { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string Currency { get; init; }
    public required bool PricesIncludeTax { get; init; }
    public required StoreCode<CommerceFinancialStatus> FinancialStatus { get; init; }
    public required StoreCode<CommerceFulfilmentStatus> FulfilmentStatus { get; init; }

    /// <summary>Null for guest checkouts.</summary>
    public CommerceCustomer? Customer { get; init; }

    public string? Email { get; init; }
    public string? Phone { get; init; }
    public CommerceAddress? BillingAddress { get; init; }
    public CommerceAddress? ShippingAddress { get; init; }
    public required IReadOnlyList<CommerceOrderLine> Lines { get; init; }
    public required IReadOnlyList<CommerceShippingLine> ShippingLines { get; init; }
    public required IReadOnlyList<CommerceFee> Fees { get; init; }

    /// <summary>The order's taxes summed per rate by the store; older Shopify payloads have only these, not per line.</summary>
    public required IReadOnlyList<CommerceTaxLine> TaxLines { get; init; }

    public required IReadOnlyList<CommerceDiscount> Discounts { get; init; }
    public required CommerceOrderTotals Totals { get; init; }

    /// <summary>The gateways the customer paid with, as the store names them.</summary>
    public required IReadOnlyList<string> PaymentGateways { get; init; }

    public required IReadOnlyList<CommercePayment> Payments { get; init; }

    /// <summary>Null unless the order was cancelled.</summary>
    public CommerceCancellation? Cancellation { get; init; }

    public required IReadOnlyList<CommerceRefund> Refunds { get; init; }
    public required IReadOnlyList<CommerceFulfilment> Fulfilments { get; init; }
}
