namespace Portal.Data.Entities;

/// <summary>Grants one user one role in one tenant. A user may hold memberships in several tenants.</summary>
public class Membership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public required string UserId { get; set; }
    public PortalUser? User { get; set; }
    public TenantRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
