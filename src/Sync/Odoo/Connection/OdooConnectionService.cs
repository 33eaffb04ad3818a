using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Odoo.Connection;

/// <summary>Reads and saves the active tenant's Odoo connection; the API key is encrypted before it is stored.</summary>
public sealed class OdooConnectionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    SecretProtector secrets,
    IValidator<OdooConnectionForm> validator,
    OdooConnectionTester tester,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<OdooConnectionSummary?> GetAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OdooConnections
            .Select(c => new { c.Url, c.Database, c.Login, c.Transport, HasApiKey = c.ProtectedApiKey != null, c.ApiKeyChangedAt, c.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken) is { } stored
            ? new OdooConnectionSummary(stored.Url, stored.Database, stored.Login, Enum.Parse<OdooTransportKind>(stored.Transport), stored.HasApiKey, stored.ApiKeyChangedAt, stored.UpdatedAt)
            : null;
    }

    /// <summary>Tests the connection as the form has it (the stored key when no new one was typed), without saving.</summary>
    public async Task<OdooConnectionReport> TestAsync(OdooConnectionForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var storedKey = await db.OdooConnections.Select(c => c.ProtectedApiKey).SingleOrDefaultAsync(cancellationToken);
        form.HasStoredApiKey = storedKey is not null;
        await validator.ValidateAndThrowAsync(form, cancellationToken);

        var secret = string.IsNullOrEmpty(form.NewApiKey) ? secrets.Unprotect(storedKey!) : form.NewApiKey;
        return await tester.TestAsync(new OdooEndpoint(new Uri(form.Url.Trim()), form.Database.Trim(), form.Login.Trim(), secret, form.Transport), cancellationToken);
    }

    public async Task SaveAsync(OdooConnectionForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.OdooConnections.SingleOrDefaultAsync(cancellationToken);
        form.HasStoredApiKey = connection?.ProtectedApiKey is not null;
        await validator.ValidateAndThrowAsync(form, cancellationToken);

        var now = clock.GetUtcNow();
        var changes = new List<string>();
        if (connection is null)
        {
            connection = new OdooConnection { Url = "", Database = "", Login = "" };
            db.OdooConnections.Add(connection);
            changes.Add("created");
        }
        else
        {
            changes.AddRange(ChangedFields(connection, form));
        }

        connection.Url = form.Url.Trim();
        connection.Database = form.Database.Trim();
        connection.Login = form.Login.Trim();
        connection.Transport = form.Transport.ToString();
        connection.UpdatedAt = now;

        if (!string.IsNullOrEmpty(form.NewApiKey))
        {
            connection.ProtectedApiKey = secrets.Protect(form.NewApiKey);
            connection.ApiKeyChangedAt = now;
            changes.Add("API key replaced");
        }

        audit.Record(db, "odoo-connection.saved", connection.Url, changes.Count == 0 ? "no changes" : string.Join(", ", changes));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<string> ChangedFields(OdooConnection stored, OdooConnectionForm form)
    {
        if (stored.Url != form.Url.Trim())
        {
            yield return "URL";
        }

        if (stored.Database != form.Database.Trim())
        {
            yield return "database";
        }

        if (stored.Login != form.Login.Trim())
        {
            yield return "login";
        }

        if (stored.Transport != form.Transport.ToString())
        {
            yield return "protocol";
        }
    }
}
