using Portal.Data.Entities;
using Portal.Sync.Flows.Stock;

namespace Portal.Sync.Tests.Stock;

public class StockQuantityRulesTests
{
    [Theory]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Units, 0, 10.0, 4.0, 10)]
    [InlineData(StockQuantityRule.Forecast, StockBufferKind.Units, 0, 10.0, 4.0, 4)]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Units, 3, 10.0, 4.0, 7)]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Units, 12, 10.0, 4.0, 0)]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Percent, 10, 10.0, 4.0, 9)]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Percent, 10, 11.0, 4.0, 9)]
    [InlineData(StockQuantityRule.Forecast, StockBufferKind.Percent, 50, 10.0, 5.0, 2)]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Units, 0, 7.9, 0.0, 7)]
    [InlineData(StockQuantityRule.FreeQuantity, StockBufferKind.Units, 1.5, 7.0, 0.0, 5)]
    [InlineData(StockQuantityRule.Forecast, StockBufferKind.Units, 0, 3.0, -6.0, 0)]
    [InlineData(StockQuantityRule.Forecast, StockBufferKind.Percent, 10, 3.0, -6.0, 0)]
    public void The_store_quantity_is_the_chosen_quantity_less_the_buffer_in_whole_units_never_below_zero(
        StockQuantityRule rule, StockBufferKind kind, double buffer, double free, double forecast, int expected)
    {
        var settings = new StoreOutboundSettings { QuantityRule = rule, BufferKind = kind, BufferValue = (decimal)buffer };

        Assert.Equal(expected, StockQuantityRules.StoreQuantity(settings, new OdooStockQuantity((decimal)free, (decimal)forecast)));
    }
}
