namespace Portal.Data.Entities;

/// <summary>What a refund of an order Odoo has not invoiced yet becomes.</summary>
public enum UninvoicedRefundPolicy
{
    /// <summary>A credit note of its own, not reversing any invoice.</summary>
    StandaloneCreditNote,

    /// <summary>The order is invoiced first, and the credit note reverses that invoice.</summary>
    InvoiceFirst,

    /// <summary>The refund waits for a person.</summary>
    Park,
}
