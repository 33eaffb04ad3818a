namespace Portal.Data.Entities;

public enum StorePlatform
{
    Shopify,
    WooCommerce,
}
