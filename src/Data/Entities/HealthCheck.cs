namespace Portal.Data.Entities;

/// <summary>
/// The latest result of one connection check of a tenant ("odoo", or "store:{id}" for a store): whether it
/// worked, how long it took, what was wrong, and the remaining rate-limit budget where the platform tells.
/// </summary>
public class HealthCheck : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Target { get; set; }
    public bool Healthy { get; set; }
    public int LatencyMs { get; set; }
    public required string Summary { get; set; }

    /// <summary>The page where the problem is fixed, when a person must act.</summary>
    public string? FixPath { get; set; }
    public int? RateLimitRemaining { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}
