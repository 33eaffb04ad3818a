namespace Portal.Sync.Commerce;

/// <summary>
/// A platform's code word (Shopify "partially_refunded", WooCommerce "on-hold") with its canonical meaning,
/// so flows decide on <see cref="Meaning"/> while logs and the job inspector can still show what the store
/// said when the meaning is <c>Other</c>. <see cref="Code"/> is null when the platform sent none.
/// </summary>
public readonly record struct StoreCode<TMeaning>(TMeaning Meaning, string? Code)
    where TMeaning : struct, Enum;
