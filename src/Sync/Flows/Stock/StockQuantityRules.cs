using Portal.Data.Entities;

namespace Portal.Sync.Flows.Stock;

/// <summary>The quantity a store shows for Odoo's: the settings' quantity (free or forecast) less the safety buffer, whole units, never below 0.</summary>
public static class StockQuantityRules
{
    public static int StoreQuantity(StoreOutboundSettings settings, OdooStockQuantity odoo)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(odoo);
        var quantity = settings.QuantityRule == StockQuantityRule.Forecast ? odoo.Forecast : odoo.Free;
        var buffer = settings.BufferKind == StockBufferKind.Percent
            ? Math.Ceiling(Math.Max(quantity, 0) * settings.BufferValue / 100m)
            : settings.BufferValue;
        return (int)Math.Max(0, Math.Floor(quantity - buffer));
    }
}
