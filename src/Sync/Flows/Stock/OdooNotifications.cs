using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Secrets;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Stock;

/// <summary>
/// The address an Odoo automation rule ("Send Webhook Notification") calls when stock changes: the token in it is
/// the credential (Odoo cannot sign), stored encrypted, compared in constant time, rotated by an admin.
/// </summary>
public sealed class OdooNotifications(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalDbContextActivator activator,
    TenantContext tenant,
    SecretProtector secrets,
    StockScheduler scheduler,
    AuditLog audit,
    IOptions<StoresOptions> stores,
    TimeProvider clock)
{
    /// <summary>Queues a stock poll of the tenant's stock stores when <paramref name="token"/> is the tenant's; false (and nothing queued) otherwise.</summary>
    public async Task<bool> AcceptAsync(Guid tenantId, string token, CancellationToken cancellationToken)
    {
        string? stored;
        await using (var db = activator.Create(TenantContext.SystemFor(tenantId)))
        {
            stored = await db.OdooConnections.Select(c => c.ProtectedNotificationToken).SingleOrDefaultAsync(cancellationToken);
        }

        if (stored is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secrets.Unprotect(stored)), Encoding.UTF8.GetBytes(token)))
        {
            return false;
        }

        await scheduler.EnqueueNotifiedSyncsAsync(tenantId, cancellationToken);
        return true;
    }

    /// <summary>The active tenant's notification address; null until a token was made or without a public base address.</summary>
    public async Task<Uri?> AddressAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.OdooConnections.Select(c => c.ProtectedNotificationToken).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null : Address(tenantId, secrets.Unprotect(stored));
    }

    /// <summary>Makes a new token (the old address stops working at once) and returns the new address.</summary>
    public async Task<Uri?> RotateAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.OdooConnections.SingleOrDefaultAsync(cancellationToken)
                         ?? throw new InvalidOperationException("Connect Odoo before making its notification address.");
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        connection.ProtectedNotificationToken = secrets.Protect(token);
        connection.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, "odoo.notification-token.rotated", "Odoo notification address");
        await db.SaveChangesAsync(cancellationToken);
        return Address(tenantId, token);
    }

    public static string Path(Guid tenantId, string token) => $"/hooks/odoo/{tenantId}/{token}";

    private Uri? Address(Guid tenantId, string token) => stores.Value.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, Path(tenantId, token)) : null;
}
