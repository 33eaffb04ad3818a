namespace Portal.Sync.Shopify;

/// <summary>The documents the client uses, loaded once.</summary>
internal static class ShopifyOperations
{
    public static ShopifyOperation Shop { get; } = ShopifyOperation.Load("Shop");

    public static ShopifyOperation OrdersChangedSince { get; } = ShopifyOperation.Load("OrdersChangedSince");

    public static ShopifyOperation RecentOrders { get; } = ShopifyOperation.Load("RecentOrders");

    public static ShopifyOperation Order { get; } = ShopifyOperation.Load("Order");

    public static ShopifyOperation Refund { get; } = ShopifyOperation.Load("Refund");

    public static ShopifyOperation WebhookSubscriptions { get; } = ShopifyOperation.Load("WebhookSubscriptions");

    public static ShopifyOperation WebhookSubscriptionCreate { get; } = ShopifyOperation.Load("WebhookSubscriptionCreate");

    public static ShopifyOperation WebhookSubscriptionDelete { get; } = ShopifyOperation.Load("WebhookSubscriptionDelete");

    public static ShopifyOperation InventorySetQuantities { get; } = ShopifyOperation.Load("InventorySetQuantities");

    public static ShopifyOperation Locations { get; } = ShopifyOperation.Load("Locations");

    public static ShopifyOperation InventoryLevels { get; } = ShopifyOperation.Load("InventoryLevels");

    public static ShopifyOperation InventoryItemQuantities { get; } = ShopifyOperation.Load("InventoryItemQuantities");

    public static ShopifyOperation FulfillmentOrders { get; } = ShopifyOperation.Load("FulfillmentOrders");

    public static ShopifyOperation FulfillmentCreate { get; } = ShopifyOperation.Load("FulfillmentCreate");

    public static ShopifyOperation ProductVariants { get; } = ShopifyOperation.Load("ProductVariants");

    public static ShopifyOperation ProductSet { get; } = ShopifyOperation.Load("ProductSet");

    public static ShopifyOperation Product { get; } = ShopifyOperation.Load("Product");

    public static ShopifyOperation ProductMediaAdd { get; } = ShopifyOperation.Load("ProductMediaAdd");

    public static ShopifyOperation FileDelete { get; } = ShopifyOperation.Load("FileDelete");

    public static ShopifyOperation ProductImages { get; } = ShopifyOperation.Load("ProductImages");
}
