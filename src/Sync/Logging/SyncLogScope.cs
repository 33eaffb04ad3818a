using Microsoft.Extensions.Logging;

namespace Portal.Sync.Logging;

/// <summary>
/// Puts TenantId, StoreId and JobId on every log event written inside the scope, so one job's or one
/// webhook's lines can be found together.
/// </summary>
public static class SyncLogScope
{
    public static IDisposable? Begin(ILogger logger, Guid tenantId, Guid? storeId = null, Guid? jobId = null)
    {
        var properties = new Dictionary<string, object> { ["TenantId"] = tenantId };
        if (storeId is { } store)
        {
            properties["StoreId"] = store;
        }

        if (jobId is { } job)
        {
            properties["JobId"] = job;
        }

        return logger.BeginScope(properties);
    }
}
