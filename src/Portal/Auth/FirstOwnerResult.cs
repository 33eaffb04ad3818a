namespace Portal.Auth;

public sealed record FirstOwnerResult(Guid? TenantId, string? UserId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => TenantId is not null;

    public static FirstOwnerResult Created(Guid tenantId, string userId) => new(tenantId, userId, []);

    public static FirstOwnerResult Refused(IEnumerable<string> errors) => new(null, null, errors.ToList());
}
