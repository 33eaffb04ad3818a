using Portal.Sync.Shopify;

namespace Portal.Sync.Tests.Shopify;

public class ShopifyWebhookTopicsTests
{
    [Theory]
    [InlineData("orders/create", "ORDERS_CREATE")]
    [InlineData("refunds/create", "REFUNDS_CREATE")]
    [InlineData("app/uninstalled", "APP_UNINSTALLED")]
    [InlineData("inventory_levels/update", "INVENTORY_LEVELS_UPDATE")]
    [InlineData("orders/partially_fulfilled", "ORDERS_PARTIALLY_FULFILLED")]
    public void Header_names_and_GraphQL_enum_values_map_both_ways(string header, string graphQl)
    {
        Assert.Equal(graphQl, ShopifyWebhookTopics.ToGraphQl(header));
        Assert.Equal(header, ShopifyWebhookTopics.FromGraphQl(graphQl));
    }

    [Fact]
    public void A_topic_the_connector_does_not_know_stays_as_Shopify_spelled_it()
    {
        Assert.Equal("CARTS_UPDATE", ShopifyWebhookTopics.FromGraphQl("CARTS_UPDATE"));
    }
}
