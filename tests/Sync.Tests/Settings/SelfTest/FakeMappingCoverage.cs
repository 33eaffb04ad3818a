using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Tests.Settings.SelfTest;

/// <summary>Stands in for the mapping coverage the tax wizard owns: answers what the test says, and counts the questions.</summary>
internal sealed class FakeMappingCoverage(MappingCoverage answer) : IMappingCoverage
{
    public static FakeMappingCoverage Complete(int orders) => new(new MappingCoverage(orders, orders, [], [], []));

    public int Reads { get; private set; }

    public Task<MappingCoverage> ReadAsync(Guid storeId, int recentOrders, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(answer with { OrdersRead = Math.Min(answer.OrdersRead, recentOrders) });
    }
}
