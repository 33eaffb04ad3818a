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
/// and remove them, each change audited. The kind's form says how it becomes a mapping and which key no two mappings
/// of a store may share. A store has a handful of each kind, so they are read whole.
/// </summary>
public abstract class StoreMappingList<TMapping, TForm>(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    IValidator<TForm> validator,
    AuditLog audit,
    TimeProvider clock)
    where TMapping : class, ITenantOwned
    where TForm : IMappingForm<TMapping, TForm>
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

    /// <summary>A new mapping of the store, which its form fills next.</summary>
    protected internal abstract TMapping Create(Guid storeId);

    /// <summary>The mapping in a few words, every field of it, for the audit trail and an import's preview.</summary>
    protected internal abstract string Describe(TMapping mapping);

    protected abstract IEnumerable<TMapping> Sort(IEnumerable<TMapping> mappings);

    /// <summary>What a form is told when the store already has a mapping with its key.</summary>
    protected abstract ValidationFailure Duplicate { get; }

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
        var key = form.NaturalKey();
        if (others.Any(m => TForm.From(m).NaturalKey() == key))
        {
            throw new ValidationException([Duplicate]);
        }

        var before = mapping is null ? null : Describe(mapping);
        if (mapping is null)
        {
            mapping = Create(storeId);
            Set(db).Add(mapping);
        }

        form.ApplyTo(mapping, clock.GetUtcNow());
        Saved(mapping, others);
        audit.Record(db, before is null ? $"{AuditName}.added" : $"{AuditName}.changed", store.Name,
            before is null ? Describe(mapping) : $"{before} → {Describe(mapping)}");
        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }

    private IQueryable<TMapping> OfStore(PortalDbContext db, Guid storeId) =>
        Set(db).Where(m => EF.Property<Guid>(m, "StoreId") == storeId);
}
