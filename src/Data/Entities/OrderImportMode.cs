namespace Portal.Data.Entities;

/// <summary>What an imported store order becomes in Odoo.</summary>
public enum OrderImportMode
{
    Quotation,
    ConfirmedOrder,
}
