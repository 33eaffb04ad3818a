namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// What <see cref="OrdersRead"/> recent orders need from a store's mappings. <see cref="OrdersMappingCleanly"/> counts the
/// orders whose every tax line, gateway and shipping method is mapped ("of the last 200 orders, 196 map cleanly").
/// </summary>
public sealed record MappingCoverage(
    int OrdersRead,
    int OrdersMappingCleanly,
    IReadOnlyList<SeenTaxLine> Taxes,
    IReadOnlyList<SeenGateway> Gateways,
    IReadOnlyList<SeenShippingMethod> ShippingMethods)
{
    public bool IsComplete => Taxes.All(t => t.IsMapped) && Gateways.All(g => g.IsMapped) && ShippingMethods.All(s => s.IsMapped);
}
