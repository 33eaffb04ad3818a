namespace Portal.Sync.Commerce;

/// <summary>
/// A product and the variants the store sells it as. A WooCommerce variable product arrives without its variants
/// (the store lists only their ids); they are read one by one as variations.
/// </summary>
public sealed record CommerceProduct(
    string Id,
    string Title,
    StoreCode<CommerceProductStatus> Status,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<CommerceVariant> Variants);

public enum CommerceProductStatus
{
    Other,
    Active,
    Draft,
    Archived,
}
