namespace Portal.Data.Entities;

/// <summary>A merchant: one Odoo database and the stores that feed it.</summary>
public class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
