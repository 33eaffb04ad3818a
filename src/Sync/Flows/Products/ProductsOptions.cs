namespace Portal.Sync.Flows.Products;

/// <summary>Bound from "Products": how often Odoo is asked for changed products.</summary>
public sealed class ProductsOptions
{
    /// <summary>How often each store that takes Odoo's products asks Odoo for templates and variants changed since its cursor.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Each poll reads back this far before its cursor: Odoo stores write_date with microseconds but answers in
    /// seconds, and a transaction may commit after a later one. Identity keys make the repeats harmless.
    /// </summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);
}
