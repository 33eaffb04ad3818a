using Portal.Data.Entities;

namespace Portal.Sync.Flows.Products;

/// <summary>Which way a store's products go, and how Odoo's are written to the store.</summary>
public sealed class ProductSettingsForm
{
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

    public void ApplyTo(Store store, StoreOutboundSettings settings)
    {
        store.ProductDirection = Direction;
        settings.ExportPricelistId = ExportPricelistId;
        settings.CreateMissingProducts = CreateMissingProducts;
        settings.ExportImages = ExportImages;
        settings.ExportDescriptions = ExportDescriptions;
    }
}
