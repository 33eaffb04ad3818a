namespace Portal.Sync.Commerce;

/// <summary>
/// A shipping charge. <see cref="Code"/> is the method's code (Shopify <c>code</c>, WooCommerce <c>method_id</c>
/// such as "flat_rate:25"); <see cref="Price"/> is before its discounts.
/// </summary>
public sealed record CommerceShippingLine(
    string? Id,
    string Title,
    string? Code,
    decimal Price,
    IReadOnlyList<CommerceTaxLine> Taxes,
    IReadOnlyList<CommerceDiscountAllocation> Discounts);
