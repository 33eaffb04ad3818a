using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>A store's shipping methods and what each is in Odoo; one mapping per method.</summary>
public sealed class ShippingMappings(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<ShippingMappingForm> validator, AuditLog audit, TimeProvider clock)
    : StoreMappingList<ShippingMapping, ShippingMappingForm>(dbFactory, tenant, validator, audit, clock)
{
    protected override string AuditName => "shipping-mapping";

    protected override DbSet<ShippingMapping> Set(PortalDbContext db) => db.ShippingMappings;

    protected override Guid IdOf(ShippingMapping mapping) => mapping.Id;

    protected internal override ShippingMapping Create(Guid storeId) => new() { StoreId = storeId, Method = "" };

    protected internal override string Describe(ShippingMapping mapping) =>
        mapping.OdooCarrierId is { } carrier ? $"{mapping.Method} → Odoo carrier {carrier}" : $"{mapping.Method} → Odoo product {mapping.OdooProductId}";

    protected override IEnumerable<ShippingMapping> Sort(IEnumerable<ShippingMapping> mappings) =>
        mappings.OrderBy(m => m.Method, StringComparer.CurrentCultureIgnoreCase);

    protected override ValidationFailure Duplicate =>
        new(nameof(ShippingMappingForm.Method), "This store already maps this shipping method; change that mapping instead.");
}
