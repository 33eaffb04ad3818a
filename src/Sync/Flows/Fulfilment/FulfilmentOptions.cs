namespace Portal.Sync.Flows.Fulfilment;

/// <summary>Bound from "Fulfilment": how often Odoo is asked for deliveries done since the last look.</summary>
public sealed class FulfilmentOptions
{
    /// <summary>How often each store's linked orders are checked for deliveries Odoo validated.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Each poll reads back this far before its cursor: Odoo stamps write_date when a transaction starts, so a
    /// delivery committed late can carry a time the previous poll already passed. Links make the repeat harmless.
    /// </summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(5);
}
