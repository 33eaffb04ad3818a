using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>A store's locations and the Odoo warehouses or stock locations they stand for; at most one is primary.</summary>
public sealed class LocationMappings(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<LocationMappingForm> validator, AuditLog audit, TimeProvider clock)
    : StoreMappingList<LocationMapping, LocationMappingForm>(dbFactory, tenant, validator, audit, clock)
{
    protected override string AuditName => "location-mapping";

    protected override DbSet<LocationMapping> Set(PortalDbContext db) => db.LocationMappings;

    protected override Guid IdOf(LocationMapping mapping) => mapping.Id;

    protected internal override LocationMapping Create(Guid storeId) => new() { StoreId = storeId, StoreLocationId = "", StoreLocationName = "" };

    protected internal override string Describe(LocationMapping mapping)
    {
        var odoo = string.Join(", ", new[]
        {
            mapping.OdooWarehouseId is { } warehouse ? $"Odoo warehouse {warehouse}" : null,
            mapping.OdooLocationId is { } location ? $"Odoo location {location}" : null,
        }.OfType<string>());
        return $"{mapping.StoreLocationName} ({mapping.StoreLocationId}) → {odoo}{(mapping.IsPrimary ? ", primary" : "")}";
    }

    protected override IEnumerable<LocationMapping> Sort(IEnumerable<LocationMapping> mappings) =>
        mappings.OrderByDescending(m => m.IsPrimary).ThenBy(m => m.StoreLocationName, StringComparer.CurrentCultureIgnoreCase);

    protected override ValidationFailure Duplicate =>
        new(nameof(LocationMappingForm.StoreLocationId), "This store already maps this location; change that mapping instead.");

    protected override void Saved(LocationMapping saved, IReadOnlyList<LocationMapping> others)
    {
        if (!saved.IsPrimary)
        {
            return;
        }

        foreach (var other in others.Where(m => m.IsPrimary))
        {
            other.IsPrimary = false;
            other.UpdatedAt = saved.UpdatedAt;
        }
    }
}
