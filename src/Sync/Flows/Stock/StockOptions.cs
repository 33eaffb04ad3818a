namespace Portal.Sync.Flows.Stock;

/// <summary>Bound from "Stock": how often Odoo's stock changes are looked for and every store's stock is reconciled.</summary>
public sealed class StockOptions
{
    /// <summary>How often each stock-enabled store's Odoo changes are polled; an Odoo automation rule can call sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Each poll reads back this far before its cursor, for changes Odoo committed late (write_date is the start of their transaction).</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each store's whole stock is compared with Odoo and drift fixed.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(24);
}
