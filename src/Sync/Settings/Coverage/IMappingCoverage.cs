using Portal.Sync.Commerce;

namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// Reads a store's most recent orders and tells, for every tax line, payment gateway and shipping method they use,
/// whether the store's mappings cover it. The tax wizard's preview, feature gating and the self-test all ask it.
/// </summary>
public interface IMappingCoverage
{
    /// <summary>Reads at most <paramref name="recentOrders"/> of the store's newest orders; nothing is written anywhere.</summary>
    Task<MappingCoverage> ReadAsync(Guid storeId, int recentOrders, CancellationToken cancellationToken = default);

    /// <summary>What the store's mappings cover of <paramref name="orders"/>, read already: the self-test reads them once for all its checks.</summary>
    Task<MappingCoverage> CoverageOfAsync(Guid storeId, IReadOnlyList<CommerceOrder> orders, CancellationToken cancellationToken = default);
}
