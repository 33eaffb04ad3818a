using Portal.Sync.Commerce;
using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Tests.Settings;

/// <summary>A mapping coverage that answers what a test set (no more orders than asked for), or throws what it set, and counts the reads.</summary>
internal sealed class FakeMappingCoverage(MappingCoverage? answer = null) : IMappingCoverage
{
    public MappingCoverage Coverage { get; set; } = answer ?? new MappingCoverage(0, 0, [], [], []);

    public Exception? Failure { get; set; }

    public int Reads { get; private set; }

    public static FakeMappingCoverage Complete(int orders) => new(new MappingCoverage(orders, orders, [], [], []));

    public Task<MappingCoverage> ReadAsync(Guid storeId, int recentOrders, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Failure is null
            ? Task.FromResult(Coverage with { OrdersRead = Math.Min(Coverage.OrdersRead, recentOrders) })
            : Task.FromException<MappingCoverage>(Failure);
    }

    public Task<MappingCoverage> CoverageOfAsync(Guid storeId, IReadOnlyList<CommerceOrder> orders, CancellationToken cancellationToken = default) =>
        ReadAsync(storeId, orders.Count, cancellationToken);
}
