using Portal.Data.Entities;

namespace Portal.Sync.Flows.Products;

/// <summary>How Odoo's products are written to a store.</summary>
public sealed class ProductSettingsForm
{
    /// <summary>
    /// Which way the store's products go, as its Features tab set it: the options below depend on it, but it is never
    /// changed here.
    /// </summary>
    public ProductDirection Direction { get; set; } = ProductDirection.OdooToStore;

    /// <summary>The pricelist store prices come from; null for the products' sales price.</summary>
    public long? ExportPricelistId { get; set; }

    public bool CreateMissingProducts { get; set; }

    public bool ExportImages { get; set; } = true;

    public bool ExportDescriptions { get; set; }

    public static ProductSettingsForm From(ProductDirection direction, StoreOutboundSettings? settings)
    {
        var defaults = settings ?? new StoreOutboundSettings();
        return new ProductSettingsForm
        {
            Direction = direction,
            ExportPricelistId = defaults.ExportPricelistId,
            CreateMissingProducts = defaults.CreateMissingProducts,
            ExportImages = defaults.ExportImages,
            ExportDescriptions = defaults.ExportDescriptions,
        };
    }

    public void ApplyTo(StoreOutboundSettings settings)
    {
        settings.ExportPricelistId = ExportPricelistId;
        settings.CreateMissingProducts = CreateMissingProducts;
        settings.ExportImages = ExportImages;
        settings.ExportDescriptions = ExportDescriptions;
    }
}
