using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>A v3 customer, or the customer an order names; WooCommerce keeps the phone and company only on the billing address.</summary>
internal static class WooCommerceCustomerMapper
{
    public static CommerceCustomer Map(PayloadNode customer) =>
        WithBilling(customer, customer.RequiredId("id"), customer.Text("email"), customer.Text("first_name"), customer.Text("last_name"));

    /// <summary>Null for a guest (customer_id 0); an order knows its customer only through its billing address.</summary>
    public static CommerceCustomer? FromOrder(PayloadNode order)
    {
        if (order.OptionalId("customer_id") is not { } customerId)
        {
            return null;
        }

        var billing = order.Object("billing");
        return WithBilling(order, customerId, billing?.Text("email"), billing?.Text("first_name"), billing?.Text("last_name"));
    }

    private static CommerceCustomer WithBilling(PayloadNode owner, string id, string? email, string? firstName, string? lastName)
    {
        var billing = owner.Address("billing");
        return new CommerceCustomer(id, email, firstName, lastName, billing?.Phone, billing?.Company, billing);
    }
}
