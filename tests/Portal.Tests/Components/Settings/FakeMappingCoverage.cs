using Portal.Sync.Commerce;
using Portal.Sync.Settings.Coverage;

namespace Portal.Tests.Components.Settings;

/// <summary>A mapping coverage that answers what a test set, or throws what it set.</summary>
internal sealed class FakeMappingCoverage(MappingCoverage? answer = null) : IMappingCoverage
{
    public MappingCoverage Coverage { get; set; } = answer ?? new(0, 0, [], [], []);

    public Exception? Failure { get; set; }

    public Task<MappingCoverage> ReadAsync(Guid storeId, int recentOrders, CancellationToken cancellationToken = default) =>
        Failure is null ? Task.FromResult(Coverage) : Task.FromException<MappingCoverage>(Failure);

    public Task<MappingCoverage> CoverageOfAsync(Guid storeId, IReadOnlyList<CommerceOrder> orders, CancellationToken cancellationToken = default) =>
        ReadAsync(storeId, orders.Count, cancellationToken);
}
