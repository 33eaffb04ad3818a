namespace Portal.Data.Entities;

/// <summary>A store payment gateway ("shopify_payments", "paypal", "gift_card") and the Odoo journal its money goes to.</summary>
public class PaymentJournalMapping : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string Gateway { get; set; }
    public long OdooJournalId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
