using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Stock;

/// <summary>Odoo stock changed as a person's inventory adjustment does (counted quantity, then apply), on the fake or a real server.</summary>
internal static class OdooOnHand
{
    public static async Task SetAsync(OdooClient odoo, long productId, long locationId, decimal quantity)
    {
        var quants = await odoo.SearchAsync("stock.quant", OdooDomain.Where("product_id", "=", productId).And(OdooDomain.Where("location_id", "=", locationId)), limit: 1);
        var inventoryMode = new JsonObject { ["inventory_mode"] = true };
        long quant;
        if (quants.Count == 0)
        {
            quant = (await odoo.CreateAsync("stock.quant", [new JsonObject { ["product_id"] = productId, ["location_id"] = locationId, ["inventory_quantity"] = quantity }], inventoryMode))[0];
        }
        else
        {
            quant = quants[0];
            await odoo.CallAsync("stock.quant", "write", [quant], new JsonObject { ["vals"] = new JsonObject { ["inventory_quantity"] = quantity } }, inventoryMode);
        }

        await odoo.CallAsync("stock.quant", "action_apply_inventory", [quant], context: inventoryMode);
    }

    /// <summary>The stock location of the company's first warehouse, and the warehouse.</summary>
    public static async Task<(long Warehouse, long Location)> WarehouseAsync(OdooClient odoo, long companyId)
    {
        var warehouse = (await odoo.SearchReadAsync("stock.warehouse", OdooDomain.Where("company_id", "=", companyId), ["lot_stock_id"], limit: 1, order: "id"))[0]!;
        return (warehouse.Id(), warehouse.ManyToOneId("lot_stock_id")!.Value);
    }
}
