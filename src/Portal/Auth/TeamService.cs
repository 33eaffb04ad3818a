using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Auth;

/// <summary>The active tenant's members: list, add or invite, remove. Owners only.</summary>
public sealed class TeamService(
    IServiceScopeFactory scopes,
    TenantContext tenant,
    IValidator<AddMemberForm> validator,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(3);

    public async Task<(IReadOnlyList<TeamMember> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageUsers);
        await using var scope = CreateScope(out var db);
        var members = db.Memberships.Where(m => m.TenantId == tenantId);
        var total = await members.CountAsync(cancellationToken);
        var rows = await members
            .OrderBy(m => m.User!.NormalizedEmail)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(m => new { m.Id, m.User!.Email, m.Role, m.User.PasswordHash, m.User.LockoutEnd, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new TeamMember(
                r.Id,
                r.Email ?? "",
                r.Role,
                r.PasswordHash is null ? MemberStatus.Invited : r.LockoutEnd > now ? MemberStatus.LockedOut : MemberStatus.Active,
                r.CreatedAt))
            .ToList();
        return (items, total);
    }

    public async Task<AddMemberOutcome> AddAsync(AddMemberForm form, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageUsers);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        var email = form.Email.Trim();

        await using var scope = CreateScope(out var db);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var user = await users.FindByEmailAsync(email);
        string? invitationPath = null;
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new ValidationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            invitationPath = $"/account/invite?email={Uri.EscapeDataString(email)}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";
        }
        else if (await db.Memberships.AnyAsync(m => m.TenantId == tenantId && m.UserId == user.Id, cancellationToken))
        {
            throw new TeamRuleException($"{email} is already a member of this tenant.");
        }

        db.Memberships.Add(new Membership { TenantId = tenantId, UserId = user.Id, Role = form.Role, CreatedAt = clock.GetUtcNow() });
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(db, invitationPath is null ? "member.added" : "member.invited", email, form.Role.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AddMemberOutcome(email, invitationPath);
    }

    public async Task RemoveAsync(Guid membershipId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageUsers);
        await using var scope = CreateScope(out var db);
        var membership = await db.Memberships.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.TenantId == tenantId, cancellationToken)
            ?? throw new TeamRuleException("That member no longer exists.");
        if (membership.Role == TenantRole.Owner
            && await db.Memberships.CountAsync(m => m.TenantId == tenantId && m.Role == TenantRole.Owner, cancellationToken) == 1)
        {
            throw new TeamRuleException("A tenant needs at least one owner. Make someone else an owner first.");
        }

        db.Memberships.Remove(membership);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(db, "member.removed", membership.User?.Email ?? membership.UserId, membership.Role.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }

    // UserManager and the membership rows share one context in a short-lived scope, not the circuit's long-lived one.
    private AsyncServiceScope CreateScope(out PortalDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        tenant.CopyTo(scope.ServiceProvider.GetRequiredService<TenantContext>());
        db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return scope;
    }
}
