using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

internal static class ShopifyInventoryLevelMapper
{
    public static CommerceInventoryLevel Map(PayloadNode level)
    {
        // The level's gid carries the exact inventory item id as a query parameter.
        var exactItemId = ShopifyGid.Parse(level.Text("admin_graphql_api_id")) is { Type: "InventoryLevel" } gid
            ? gid.QueryValue("inventory_item_id")
            : null;
        return new CommerceInventoryLevel(
            exactItemId ?? level.RequiredId("inventory_item_id"),
            level.RequiredId("location_id"),
            level.Integer("available"),
            level.Time("updated_at"));
    }
}
