namespace Portal.Data.Entities;

/// <summary>Which Odoo quantity a store is told it can sell.</summary>
public enum StockQuantityRule
{
    /// <summary>On hand minus reserved: what the warehouse can still ship today.</summary>
    FreeQuantity,

    /// <summary>On hand plus incoming minus outgoing: what Odoo expects to have once planned moves are done.</summary>
    Forecast,
}
