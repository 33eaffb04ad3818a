namespace Portal.Sync.Flows.Stock;

/// <summary>A product's quantities at one Odoo location: free to use (on hand − reserved) and forecast.</summary>
public sealed record OdooStockQuantity(decimal Free, decimal Forecast);
