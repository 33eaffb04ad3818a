namespace Portal.Data.Entities;

/// <summary>When a paid order is invoiced in Odoo, so its payment can be registered against the invoice.</summary>
public enum InvoicePolicy
{
    OnImport,

    /// <summary>Once Odoo has delivered everything on the order.</summary>
    OnFulfilment,

    /// <summary>Never: payments are registered on the customer's account, not reconciled.</summary>
    Never,
}
