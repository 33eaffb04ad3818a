namespace Portal.Data.Entities;

/// <summary>
/// A store record and the Odoo record it became: an order and its sale order, a line and its sale line, a refund
/// and its credit note. Written in the same transaction as the state change of the job that made it; a job
/// finds its earlier work here before it creates anything in Odoo. <see cref="Fingerprint"/> remembers what was
/// last written (a customer's contact details, an order's version), so unchanged data is not written again.
/// </summary>
public class RecordLink : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public RecordLinkKind Kind { get; set; }

    /// <summary>The store's id of the record ("5678901234"), or for line-like records "{order}/{line}".</summary>
    public required string StoreKey { get; set; }

    public required string OdooModel { get; set; }
    public long OdooId { get; set; }
    public string? Fingerprint { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
