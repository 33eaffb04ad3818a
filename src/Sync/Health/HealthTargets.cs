namespace Portal.Sync.Health;

/// <summary>Names what a health check looked at; stores join the tenant's Odoo database here once they are checked.</summary>
public static class HealthTargets
{
    public const string Odoo = "odoo";
}
