namespace Portal.Data.Tests;

internal sealed record FixedTenant(Guid? TenantId, string? UserId = null) : ITenantContext;
