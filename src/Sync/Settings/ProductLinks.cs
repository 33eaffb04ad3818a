using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>
/// A store's variant links (<see cref="RecordLinkKind.Variant"/>), a page at a time since every ordered variant
/// gets one. People add links for a SKU ("sku:{SKU}") and remove any link, so the next order matches again.
/// </summary>
public sealed class ProductLinks(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<ProductLinkForm> validator, AuditLog audit, TimeProvider clock)
{
    public const string SkuPrefix = "sku:";
    public const string OdooModel = "product.product";

    /// <summary>What the link's store key holds after <see cref="SkuPrefix"/>.</summary>
    public const int MaxSkuLength = 200 - 4;

    public static string StoreKeyOf(string sku) => SkuPrefix + sku;

    /// <summary>A new variant link of the store, which a <see cref="ProductLinkForm"/> fills next.</summary>
    internal static RecordLink Create(Guid storeId) => new() { StoreId = storeId, Kind = RecordLinkKind.Variant, StoreKey = "", OdooModel = OdooModel };

    /// <summary>The link in a few words, for the audit trail and an import's preview.</summary>
    internal static string Describe(RecordLink link) =>
        $"{(link.StoreKey.StartsWith(SkuPrefix, StringComparison.Ordinal) ? $"SKU {link.StoreKey[SkuPrefix.Length..]}" : $"variant {link.StoreKey}")} → Odoo product {link.OdooId}";

    /// <summary>The links of the store, SKU links first, filtered by a part of their SKU or variant id.</summary>
    public async Task<(IReadOnlyList<ProductLink> Items, int Total)> ListAsync(
        Guid storeId, int page, int pageSize, string? search = null, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var links = OfStore(db, storeId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            links = links.Where(l => l.StoreKey.Contains(search.Trim()));
        }

        var total = await links.CountAsync(cancellationToken);
        var rows = await links
            .OrderBy(l => l.StoreKey.StartsWith(SkuPrefix) ? 0 : 1).ThenBy(l => l.StoreKey)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(l => new { l.Id, l.StoreKey, l.OdooId, l.UpdatedAt })
            .ToListAsync(cancellationToken);
        return (rows.Select(l => l.StoreKey.StartsWith(SkuPrefix, StringComparison.Ordinal)
            ? new ProductLink(l.Id, null, l.StoreKey[SkuPrefix.Length..], l.OdooId, l.UpdatedAt)
            : new ProductLink(l.Id, l.StoreKey, null, l.OdooId, l.UpdatedAt)).ToList(), total);
    }

    public async Task<ProductLink> AddAsync(Guid storeId, ProductLinkForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var sku = form.Sku.Trim();
        var storeKey = StoreKeyOf(sku);
        if (await OfStore(db, storeId).Where(l => l.StoreKey == storeKey).Select(l => (long?)l.OdooId).SingleOrDefaultAsync(cancellationToken) is { } linked)
        {
            throw new ValidationException([new ValidationFailure(nameof(ProductLinkForm.Sku),
                $"The SKU {sku} is already linked to Odoo product {linked}; remove that link first.")]);
        }

        var link = Create(storeId);
        form.ApplyTo(link, clock.GetUtcNow());
        db.RecordLinks.Add(link);
        audit.Record(db, "product-link.added", store.Name, Describe(link));
        await db.SaveChangesAsync(cancellationToken);
        return new ProductLink(link.Id, null, sku, link.OdooId, link.UpdatedAt);
    }

    public async Task RemoveAsync(Guid storeId, Guid linkId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var link = await OfStore(db, storeId).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken)
            ?? throw new KeyNotFoundException($"No product link {linkId} for store {storeId}.");
        db.RecordLinks.Remove(link);
        audit.Record(db, "product-link.removed", store.Name, Describe(link));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<RecordLink> OfStore(PortalDbContext db, Guid storeId) =>
        db.RecordLinks.Where(l => l.StoreId == storeId && l.Kind == RecordLinkKind.Variant);
}
