using Portal.Data.Entities;

namespace Portal.Sync.Configuration;

/// <summary>How Odoo's stock, catalogue and deliveries reach the store (the Stock and Products pages, and customer notification).</summary>
public sealed class OutboundSettingsConfiguration
{
    public StockQuantityRule QuantityRule { get; set; } = StockQuantityRule.FreeQuantity;
    public StockBufferKind BufferKind { get; set; } = StockBufferKind.Units;
    public decimal BufferValue { get; set; }
    public long? ExportPricelistId { get; set; }
    public bool CreateMissingProducts { get; set; }
    public bool ExportImages { get; set; } = true;
    public bool ExportDescriptions { get; set; }
    public bool NotifyCustomerOnFulfilment { get; set; } = true;

    public static OutboundSettingsConfiguration From(StoreOutboundSettings? settings)
    {
        var source = settings ?? new StoreOutboundSettings();
        return new OutboundSettingsConfiguration
        {
            QuantityRule = source.QuantityRule,
            BufferKind = source.BufferKind,
            BufferValue = source.BufferValue,
            ExportPricelistId = source.ExportPricelistId,
            CreateMissingProducts = source.CreateMissingProducts,
            ExportImages = source.ExportImages,
            ExportDescriptions = source.ExportDescriptions,
            NotifyCustomerOnFulfilment = source.NotifyCustomerOnFulfilment,
        };
    }

    public void ApplyTo(StoreOutboundSettings settings)
    {
        settings.QuantityRule = QuantityRule;
        settings.BufferKind = BufferKind;
        settings.BufferValue = BufferValue;
        settings.ExportPricelistId = ExportPricelistId;
        settings.CreateMissingProducts = CreateMissingProducts;
        settings.ExportImages = ExportImages;
        settings.ExportDescriptions = ExportDescriptions;
        settings.NotifyCustomerOnFulfilment = NotifyCustomerOnFulfilment;
    }
}
