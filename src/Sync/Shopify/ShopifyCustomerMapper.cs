using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

internal static class ShopifyCustomerMapper
{
    public static CommerceCustomer Map(PayloadNode customer)
    {
        var address = customer.Address("default_address");
        return new CommerceCustomer(
            customer.ShopifyId("Customer"),
            customer.Text("email"),
            customer.Text("first_name"),
            customer.Text("last_name"),
            customer.Text("phone"),
            address?.Company,
            address);
    }
}
