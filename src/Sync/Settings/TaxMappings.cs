using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>A store's taxes and the Odoo sale taxes they are; one mapping per title, rate, country and inclusion.</summary>
public sealed class TaxMappings(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<TaxMappingForm> validator, AuditLog audit, TimeProvider clock)
    : StoreMappingList<TaxMapping, TaxMappingForm>(dbFactory, tenant, validator, audit, clock)
{
    protected override string AuditName => "tax-mapping";

    protected override DbSet<TaxMapping> Set(PortalDbContext db) => db.TaxMappings;

    protected override Guid IdOf(TaxMapping mapping) => mapping.Id;

    protected internal override TaxMapping Create(Guid storeId) => new() { StoreId = storeId, Title = "" };

    protected internal override string Describe(TaxMapping mapping) => string.Create(CultureInfo.InvariantCulture,
        $"{mapping.Title} {mapping.Rate:G29} {(mapping.CountryCode.Length == 0 ? "any country" : mapping.CountryCode)} {(mapping.PriceIncluded ? "included" : "excluded")} → Odoo tax {mapping.OdooTaxId}");

    protected override IEnumerable<TaxMapping> Sort(IEnumerable<TaxMapping> mappings) =>
        mappings.OrderBy(m => m.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.CountryCode, StringComparer.Ordinal).ThenBy(m => m.Rate);

    protected override ValidationFailure Duplicate =>
        new(nameof(TaxMappingForm.Title), "This store already maps a tax with this title, rate, country and inclusion; change that mapping instead.");
}
