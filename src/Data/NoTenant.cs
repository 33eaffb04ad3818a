namespace Portal.Data;

/// <summary>The tenant context of design-time tools and start-up work that touches no tenant's rows.</summary>
public sealed class NoTenant : ITenantContext
{
    public static readonly NoTenant Instance = new();

    public Guid? TenantId => null;

    public string? UserId => null;
}
