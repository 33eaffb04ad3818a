namespace Portal.Data.Entities;

/// <summary>
/// Marks an entity that belongs to exactly one tenant. The context filters every query on it to the
/// active tenant and refuses to save it under any other tenant.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
