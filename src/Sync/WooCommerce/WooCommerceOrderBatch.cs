using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>The orders a batch request (<c>POST orders/batch</c>) created, updated and deleted, as WooCommerce returned them.</summary>
public sealed record WooCommerceOrderBatch(
    IReadOnlyList<CommerceOrder> Created,
    IReadOnlyList<CommerceOrder> Updated,
    IReadOnlyList<CommerceOrder> Deleted);
