namespace Portal.Sync.Health;

/// <summary>Names what a health check looked at: the tenant's Odoo database, or one of its stores.</summary>
public static class HealthTargets
{
    public const string Odoo = "odoo";

    public static string Store(Guid storeId) => $"store:{storeId}";
}
