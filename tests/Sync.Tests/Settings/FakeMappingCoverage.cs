using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Tests.Settings;

/// <summary>A mapping coverage that answers what a test set, or throws what it set, and counts the reads.</summary>
internal sealed class FakeMappingCoverage : IMappingCoverage
{
    public static readonly MappingCoverage Complete = new(0, 0, [], [], []);

    public MappingCoverage Coverage { get; set; } = Complete;

    public Exception? Failure { get; set; }

    public int Reads { get; private set; }

    public Task<MappingCoverage> ReadAsync(Guid storeId, int recentOrders, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Failure is null ? Task.FromResult(Coverage) : Task.FromException<MappingCoverage>(Failure);
    }
}
