using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage;
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
                "Cannot open the {Provider} database set by {ConnectionStringKey}{SqliteHint}: {Reason} The portal stops.",
                database.Provider,
                DatabaseOptions.ConnectionStringKey,
                database.Provider == DatabaseProvider.Sqlite ? " (or, when that is empty, Database:DataDirectory)" : "",
                Describe(ex));
            return false;
        }

        if (services.GetService<KeyRingProblem>() is { } keyRing)
        {
            logger.LogCritical("{Reason} The portal stops.", keyRing.Reason);
            return false;
        }

        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeadlessBootstrap>().RunAsync(cancellationToken);
    }

    // Wrappers say only that something failed; the driver's own message says what (a refused connection, a missing folder).
    private static string Describe(Exception ex)
    {
        while (ex is RetryLimitExceededException or TargetInvocationException or AggregateException && ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }
}
