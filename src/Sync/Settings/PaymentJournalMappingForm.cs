using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>A store payment gateway and the Odoo bank or cash journal its money goes to.</summary>
public sealed class PaymentJournalMappingForm : IMappingForm<PaymentJournalMapping, PaymentJournalMappingForm>
{
    /// <summary>As the store names it: shopify_payments, paypal, gift_card, bacs.</summary>
    public string Gateway { get; set; } = "";

    public long? OdooJournalId { get; set; }

    public static PaymentJournalMappingForm From(PaymentJournalMapping mapping) => new()
    {
        Gateway = mapping.Gateway,
        OdooJournalId = mapping.OdooJournalId,
    };

    public string NaturalKey() => Gateway.Trim();

    public void ApplyTo(PaymentJournalMapping mapping, DateTimeOffset now)
    {
        mapping.Gateway = Gateway.Trim();
        mapping.OdooJournalId = OdooJournalId!.Value;
        mapping.UpdatedAt = now;
    }
}
