using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Auth;

/// <summary>Answers "what is this user's role in that tenant" before any tenant is active in the scope.</summary>
public sealed class MembershipLookup(PortalDbContextActivator activator)
{
    public async Task<TenantRole?> FindRoleAsync(string userId, Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = ForUser(userId);
        var membership = await db.Memberships
            .Where(m => m.UserId == userId && m.TenantId == tenantId)
            .Select(m => new { m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        return membership?.Role;
    }

    public async Task<bool> OwnsAnyTenantAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = ForUser(userId);
        return await db.Memberships.AnyAsync(m => m.UserId == userId && m.Role == TenantRole.Owner, cancellationToken);
    }

    private PortalDbContext ForUser(string userId)
    {
        var scope = new TenantContext();
        scope.EnterAsUser(userId, userId);
        return activator.Create(scope);
    }
}
