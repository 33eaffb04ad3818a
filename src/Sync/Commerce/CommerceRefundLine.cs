namespace Portal.Sync.Commerce;

/// <summary>
/// A refunded order line. <see cref="LineId"/> is the order line's id; <see cref="Subtotal"/> and
/// <see cref="Tax"/> are positive amounts given back, null where the store did not itemize them.
/// </summary>
public sealed record CommerceRefundLine
{
    public string? LineId { get; init; }
    public required int Quantity { get; init; }
    public decimal? Subtotal { get; init; }
    public decimal? Tax { get; init; }
    public StoreCode<CommerceRestockType>? Restock { get; init; }

    /// <summary>Where the goods were restocked, when they were.</summary>
    public string? LocationId { get; init; }
}

public enum CommerceRestockType
{
    Other,
    NoRestock,
    Cancel,
    Return,
    LegacyRestock,
}
