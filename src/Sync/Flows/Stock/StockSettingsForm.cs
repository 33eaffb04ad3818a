using Portal.Data.Entities;

namespace Portal.Sync.Flows.Stock;

/// <summary>The quantity rule of a store's Stock page: which Odoo quantity the store shows, less what buffer.</summary>
public sealed class StockSettingsForm
{
    public StockQuantityRule QuantityRule { get; set; } = StockQuantityRule.FreeQuantity;
    public StockBufferKind BufferKind { get; set; } = StockBufferKind.Units;
    public decimal BufferValue { get; set; }

    public static StockSettingsForm From(StoreOutboundSettings? settings) => settings is null
        ? new StockSettingsForm()
        : new StockSettingsForm { QuantityRule = settings.QuantityRule, BufferKind = settings.BufferKind, BufferValue = settings.BufferValue };

    public void ApplyTo(StoreOutboundSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (settings.QuantityRule, settings.BufferKind, settings.BufferValue) = (QuantityRule, BufferKind, BufferValue);
    }
}
