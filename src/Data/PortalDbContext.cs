using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The portal's database. Every tenant-owned entity is filtered to <see cref="ITenantContext.TenantId"/>;
/// code that must see several tenants (the job engine, first-run setup) says so with IgnoreQueryFilters.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, ITenantContext tenantContext)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<OdooConnection> OdooConnections => Set<OdooConnection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobStateChange> JobStateChanges => Set<JobStateChange>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<HealthCheck> HealthChecks => Set<HealthCheck>();
    public DbSet<SyncCursor> SyncCursors => Set<SyncCursor>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<ShopifyInstall> ShopifyInstalls => Set<ShopifyInstall>();
    public DbSet<RecordLink> RecordLinks => Set<RecordLink>();
    public DbSet<StoreOrderSettings> StoreOrderSettings => Set<StoreOrderSettings>();
    public DbSet<TaxMapping> TaxMappings => Set<TaxMapping>();
    public DbSet<ShippingMapping> ShippingMappings => Set<ShippingMapping>();
    public DbSet<PaymentJournalMapping> PaymentJournalMappings => Set<PaymentJournalMapping>();
    public DbSet<LocationMapping> LocationMappings => Set<LocationMapping>();
    public DbSet<StoreOutboundSettings> StoreOutboundSettings => Set<StoreOutboundSettings>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<ProductMatch> ProductMatches => Set<ProductMatch>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the query filters at execution time; Guid.Empty matches no row.
    private Guid ActiveTenantId => tenantContext.TenantId ?? Guid.Empty;
    private string ActiveUserId => tenantContext.UserId ?? string.Empty;

    private static readonly System.Reflection.PropertyInfo ActiveTenantIdProperty =
        typeof(PortalDbContext).GetProperty(nameof(ActiveTenantId), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this, typeof(PortalDbContext)), ActiveTenantIdProperty)),
                row);
            builder.Entity(entityType.ClrType).HasQueryFilter(filter);
        }

        // A user sees every member of the active tenant, and their own memberships everywhere (the tenant switcher).
        builder.Entity<Membership>().HasQueryFilter(m => m.TenantId == ActiveTenantId || m.UserId == ActiveUserId);
        builder.Entity<Tenant>().HasQueryFilter(t =>
            t.Id == ActiveTenantId || Memberships.Any(m => m.TenantId == t.Id && m.UserId == ActiveUserId));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenantOwnedRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenantOwnedRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampTenantOwnedRows()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (tenantContext.TenantId is not { } active)
            {
                throw new CrossTenantWriteException(
                    $"Cannot save {entry.Metadata.ClrType.Name}: no tenant is active in this scope.");
            }

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = active;
            }
            else if (entry.Entity.TenantId != active
                     || (entry.State == EntityState.Modified && entry.Property(e => e.TenantId).OriginalValue != active))
            {
                throw new CrossTenantWriteException(
                    $"Cannot save {entry.Metadata.ClrType.Name} of tenant {entry.Entity.TenantId} while tenant {active} is active.");
            }
        }
    }
}
