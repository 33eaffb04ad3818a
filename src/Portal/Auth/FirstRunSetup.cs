using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Auth;

/// <summary>
/// Creates the very first owner and their tenant, exactly once. After that, new people join only by an
/// owner's invitation: the setup page and Bootstrap:* settings do nothing.
/// </summary>
public sealed class FirstRunSetup(IServiceScopeFactory scopes, IValidator<FirstOwnerForm> validator, TimeProvider clock)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<bool> IsPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return !await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>The new owner's tenant, or the reasons it was refused.</summary>
    public async Task<FirstOwnerResult> CreateFirstOwnerAsync(FirstOwnerForm form, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return FirstOwnerResult.Refused(validation.Errors.Select(e => e.ErrorMessage));
        }

        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return FirstOwnerResult.Refused(["The portal is already set up. Sign in instead."]);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var user = new PortalUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true, CreatedAt = now };
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, form.Password);
            if (!created.Succeeded)
            {
                return FirstOwnerResult.Refused(created.Errors.Select(e => e.Description));
            }

            var tenant = new Tenant { Name = form.TenantName.Trim(), CreatedAt = now };
            db.Tenants.Add(tenant);
            db.Memberships.Add(new Membership { TenantId = tenant.Id, UserId = user.Id, Role = TenantRole.Owner, CreatedAt = now });
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(tenant.Id, user.Id, user.Email, TenantRole.Owner);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(db, "tenant.created", tenant.Name, "first-run setup");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return FirstOwnerResult.Created(tenant.Id, user.Id);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
