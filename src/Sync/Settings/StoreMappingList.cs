using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>
/// One kind of a store's mappings: anyone who sees the tenant lists them; those who manage its settings add, change
/// and remove them, each change audited. A kind says how its form becomes a mapping and which key no two mappings
/// of a store may share. A store has a handful of each kind, so they are read whole.
/// </summary>
public abstract class StoreMappingList<TMapping, TForm>(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    IValidator<TForm> validator,
    AuditLog audit,
    TimeProvider clock)
    where TMapping : class, ITenantOwned
{
    /// <summary>The kind as audit actions name it: "tax-mapping" gives "tax-mapping.added".</summary>
    protected abstract string AuditName { get; }

    public async Task<IReadOnlyList<TMapping>> ListAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SettingsStores.FindAsync(db, storeId, cancellationToken);
        return Sort(await OfStore(db, storeId).AsNoTracking().ToListAsync(cancellationToken)).ToList();
    }

    public Task<TMapping> AddAsync(Guid storeId, TForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(storeId, null, form, cancellationToken);

    public Task<TMapping> UpdateAsync(Guid storeId, Guid mappingId, TForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(storeId, mappingId, form, cancellationToken);

    public async Task RemoveAsync(Guid storeId, Guid mappingId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var mapping = (await OfStore(db, storeId).ToListAsync(cancellationToken)).SingleOrDefault(m => IdOf(m) == mappingId)
            ?? throw new KeyNotFoundException($"No mapping {mappingId} for store {storeId}.");
        Set(db).Remove(mapping);
        audit.Record(db, $"{AuditName}.removed", store.Name, Describe(mapping));
        await db.SaveChangesAsync(cancellationToken);
    }

    protected abstract DbSet<TMapping> Set(PortalDbContext db);

    protected abstract Guid IdOf(TMapping mapping);

    /// <summary>A new mapping of the store; <see cref="Apply"/> fills it from the form next.</summary>
    protected abstract TMapping Create(Guid storeId);

    protected abstract void Apply(TMapping mapping, TForm form, DateTimeOffset now);

    /// <summary>The mapping in a few words, for the audit trail.</summary>
    protected abstract string Describe(TMapping mapping);

    protected abstract IEnumerable<TMapping> Sort(IEnumerable<TMapping> mappings);

    /// <summary>Why the form may not be saved next to the store's other mappings (one with the same key), or null.</summary>
    protected abstract ValidationFailure? Conflict(IReadOnlyList<TMapping> others, TForm form);

    /// <summary>Keeps the store's other mappings consistent with the one just saved.</summary>
    protected virtual void Saved(TMapping saved, IReadOnlyList<TMapping> others)
    {
    }

    private async Task<TMapping> SaveAsync(Guid storeId, Guid? mappingId, TForm form, CancellationToken cancellationToken)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var mappings = await OfStore(db, storeId).ToListAsync(cancellationToken);
        var mapping = mappingId is { } id
            ? mappings.SingleOrDefault(m => IdOf(m) == id) ?? throw new KeyNotFoundException($"No mapping {id} for store {storeId}.")
            : null;
        var others = mappings.Where(m => m != mapping).ToList();
        if (Conflict(others, form) is { } conflict)
        {
            throw new ValidationException([conflict]);
        }

        var before = mapping is null ? null : Describe(mapping);
        if (mapping is null)
        {
            mapping = Create(storeId);
            Set(db).Add(mapping);
        }

        Apply(mapping, form, clock.GetUtcNow());
        Saved(mapping, others);
        audit.Record(db, before is null ? $"{AuditName}.added" : $"{AuditName}.changed", store.Name,
            before is null ? Describe(mapping) : $"{before} → {Describe(mapping)}");
        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }

    private IQueryable<TMapping> OfStore(PortalDbContext db, Guid storeId) =>
        Set(db).Where(m => EF.Property<Guid>(m, "StoreId") == storeId);
}
