using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>A store's payment gateways and the Odoo journals their payments are registered in; one mapping per gateway.</summary>
public sealed class PaymentJournalMappings(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<PaymentJournalMappingForm> validator, AuditLog audit, TimeProvider clock)
    : StoreMappingList<PaymentJournalMapping, PaymentJournalMappingForm>(dbFactory, tenant, validator, audit, clock)
{
    protected override string AuditName => "journal-mapping";

    protected override DbSet<PaymentJournalMapping> Set(PortalDbContext db) => db.PaymentJournalMappings;

    protected override Guid IdOf(PaymentJournalMapping mapping) => mapping.Id;

    protected internal override PaymentJournalMapping Create(Guid storeId) => new() { StoreId = storeId, Gateway = "" };

    protected internal override string Describe(PaymentJournalMapping mapping) => $"{mapping.Gateway} → Odoo journal {mapping.OdooJournalId}";

    protected override IEnumerable<PaymentJournalMapping> Sort(IEnumerable<PaymentJournalMapping> mappings) =>
        mappings.OrderBy(m => m.Gateway, StringComparer.CurrentCultureIgnoreCase);

    protected override ValidationFailure Duplicate =>
        new(nameof(PaymentJournalMappingForm.Gateway), "This store already maps this gateway; change that mapping instead.");
}
