using Portal.Data.Entities;

namespace Portal.Auth;

public enum MemberStatus
{
    Active,
    Invited,
    LockedOut,
}

/// <summary>One row of the members page.</summary>
public sealed record TeamMember(Guid MembershipId, string Email, TenantRole Role, MemberStatus Status, DateTimeOffset Since);
