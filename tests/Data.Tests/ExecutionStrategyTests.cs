using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests;

public class ExecutionStrategyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused")]
    public void Explicit_transactions_are_allowed_because_no_retrying_strategy_is_configured(DatabaseProvider provider, string connectionString)
    {
        using var db = PortalDbContextActivator.For(provider, connectionString).Create(new FixedTenant(null));

        // A retrying strategy throws on BeginTransaction; first-run setup and member changes rely on one.
        Assert.False(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
