using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Auth;

/// <summary>The signed-in user's tenants: the switcher's list, the active tenant's name, and new tenants.</summary>
public sealed class TenantDirectory(
    IDbContextFactory<PortalDbContext> dbFactory,
    IServiceScopeFactory scopes,
    TenantContext tenant,
    MembershipLookup memberships,
    IValidator<NewTenantForm> validator,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantChoice>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        if (tenant.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Memberships
            .Where(m => m.UserId == userId)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { t.Id, t.Name, m.Role })
            .OrderBy(t => t.Name)
            .Select(t => new TenantChoice(t.Id, t.Name, t.Role))
            .ToListAsync(cancellationToken);
    }

    public async Task<string?> GetActiveNameAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Creates a tenant with the caller as its owner. Only owners of some tenant may do this.</summary>
    public async Task<Guid> CreateAsync(NewTenantForm form, CancellationToken cancellationToken = default)
    {
        if (tenant.UserId is not { } userId || !await memberships.OwnsAnyTenantAsync(userId, cancellationToken))
        {
            throw new UnauthorizedAccessException("Only an owner of a tenant can create tenants.");
        }

        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var created = new Tenant { Name = form.Name.Trim(), CreatedAt = now };
        db.Tenants.Add(created);
        db.Memberships.Add(new Membership { TenantId = created.Id, UserId = userId, Role = TenantRole.Owner, CreatedAt = now });
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(created.Id, userId, tenant.ActorName, TenantRole.Owner);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(db, "tenant.created", created.Name);
        await db.SaveChangesAsync(cancellationToken);
        return created.Id;
    }
}
