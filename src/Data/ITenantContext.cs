namespace Portal.Data;

/// <summary>
/// Who is asking and for which tenant. The context reads it at query time, so one scope sees only the
/// active tenant's rows; with no tenant active, tenant-owned queries return nothing.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }

    string? UserId { get; }
}
