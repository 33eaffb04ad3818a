namespace Portal.Data.Entities;

/// <summary>
/// How Odoo's stock, catalogue and deliveries reach one store. The row is created with these defaults the first
/// time a person or a flow reads it.
/// </summary>
public class StoreOutboundSettings : ITenantOwned
{
    public Guid StoreId { get; set; }
    public Guid TenantId { get; set; }
    public StockQuantityRule QuantityRule { get; set; } = StockQuantityRule.FreeQuantity;
    public StockBufferKind BufferKind { get; set; } = StockBufferKind.Units;

    /// <summary>Units (or percent) kept back from the store; the store never sees less than 0.</summary>
    public decimal BufferValue { get; set; }

    /// <summary>The pricelist exported prices come from; null exports the product's sales price.</summary>
    public long? ExportPricelistId { get; set; }

    /// <summary>Whether an Odoo product with no store product is created in the store, or only reported.</summary>
    public bool CreateMissingProducts { get; set; }

    public bool ExportImages { get; set; } = true;

    /// <summary>Descriptions are the store's unless this is set; SEO, tags and collections always are.</summary>
    public bool ExportDescriptions { get; set; }

    /// <summary>Whether the store emails the customer when a delivery becomes a fulfilment.</summary>
    public bool NotifyCustomerOnFulfilment { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }
}
