namespace Portal.Sync.Commerce;

/// <summary>A fee added to the order (WooCommerce fee lines), with its taxes.</summary>
public sealed record CommerceFee(string Id, string Name, decimal Amount, IReadOnlyList<CommerceTaxLine> Taxes);
