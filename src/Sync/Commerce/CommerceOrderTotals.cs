namespace Portal.Sync.Commerce;

/// <summary>
/// The order's totals as the store computed them, in the order's currency. With prices excluding tax,
/// <c>LineItems − Discounts + Shipping + Tax + Tips + Duties + Fees = Total</c>; with prices including tax, the
/// same without <see cref="Tax"/>, which is then contained in the other amounts.
/// </summary>
public sealed record CommerceOrderTotals
{
    /// <summary>The lines' prices times their quantities, before discounts.</summary>
    public required decimal LineItems { get; init; }

    public required decimal Discounts { get; init; }

    /// <summary>Shipping before its discounts.</summary>
    public required decimal Shipping { get; init; }

    public required decimal Tax { get; init; }
    public required decimal Tips { get; init; }
    public required decimal Duties { get; init; }
    public required decimal Fees { get; init; }
    public required decimal Total { get; init; }
}
