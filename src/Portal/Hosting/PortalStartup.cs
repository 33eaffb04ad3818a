using Portal.Auth;
using Portal.Data;

namespace Portal.Hosting;

/// <summary>
/// What must succeed before the portal takes requests: the database is reachable and migrated, and the
/// headless first owner exists when one is configured. A failure is one clear log line, not a crash loop.
/// </summary>
public sealed class PortalStartup(IServiceProvider services, ILogger<PortalStartup> logger)
{
    public async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(
                "Cannot open the {Provider} database set by {ConnectionStringKey} (or Database:DataDirectory for SQLite): {Reason}. The portal stops.",
                database.Provider, DatabaseOptions.ConnectionStringKey, ex.GetBaseException().Message);
            return false;
        }

        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeadlessBootstrap>().RunAsync(cancellationToken);
    }
}
