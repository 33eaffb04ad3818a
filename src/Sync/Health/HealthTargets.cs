namespace Portal.Sync.Health;

/// <summary>Names what a health check looked at: the tenant's Odoo database, or one of its stores.</summary>
public static class HealthTargets
{
    public const string Odoo = "odoo";

    private const string StorePrefix = "store:";

    public static string Store(Guid storeId) => $"{StorePrefix}{storeId}";

    public static Guid? StoreOf(string target) =>
        target.StartsWith(StorePrefix, StringComparison.Ordinal) && Guid.TryParse(target.AsSpan(StorePrefix.Length), out var id) ? id : null;
}
