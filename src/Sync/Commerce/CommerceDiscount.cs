namespace Portal.Sync.Commerce;

/// <summary>
/// A discount applied to the order as a whole: a code the customer entered, an automatic or manual discount,
/// a WooCommerce coupon. <see cref="Kind"/> is the store's word for it ("discount_code", "automatic", "coupon");
/// <see cref="Amount"/> is null when the store reports only how the discount was allocated.
/// </summary>
public sealed record CommerceDiscount(string? Kind, string? Code, string? Title, decimal? Amount);
