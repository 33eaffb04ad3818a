using Portal.Sync.Commerce;
using Portal.Sync.Shopify;

namespace Portal.Sync.Tests.Commerce;

public class ShopifyOrderPayloadTests
{
    private const string DocsSample = "shopify/webhooks/orders_create.2026-04.docs-sample.json";
    private const string TaxLinesExemplar = "shopify/webhooks/orders_create.2024-04.anonymized-real-tax-lines.json";
    private const string DiscountExemplar = "shopify/webhooks/orders_create.2023-10.anonymized-real-discount.json";
    private const string RestOrder = "shopify/rest/order.shopify_python_api.json";

    private static CommerceOrder DocsSampleOrder() => ShopifyPayloads.ParseOrder(RealFixture.Property(DocsSample, "response"));

    [Fact]
    public void The_docs_sample_order_keeps_the_exact_ids_of_its_gids()
    {
        var order = DocsSampleOrder();

        // The sample's "id" is 820982911946154500: a double's rounding of the gid's 820982911946154508.
        Assert.Equal("820982911946154508", order.Id);
        Assert.Equal(
            ["487817672276298554", "789012345678901234", "890123456789012345", "976318377106520349", "315789986012684393"],
            order.Lines.Select(line => line.Id));
        Assert.Equal("115310627314723954", order.Customer!.Id);

        // Ids without a gid beside them can only be what the sample says, rounding included.
        Assert.Equal("788032119674292900", order.Lines[0].ProductId);
        Assert.Equal("271878346596884000", order.ShippingLines.Single().Id);
    }

    [Fact]
    public void The_docs_sample_order_reads_its_header_statuses_and_cancellation()
    {
        var order = DocsSampleOrder();

        Assert.Equal("#9999", order.Name);
        Assert.Equal("1234", order.Number);
        Assert.Equal(new DateTimeOffset(2021, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5)), order.CreatedAt);
        Assert.Equal(order.CreatedAt, order.UpdatedAt);
        Assert.Equal("USD", order.Currency);
        Assert.False(order.PricesIncludeTax);
        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Voided, "voided"), order.FinancialStatus);
        Assert.Equal(new StoreCode<CommerceFulfilmentStatus>(CommerceFulfilmentStatus.Unfulfilled, null), order.FulfilmentStatus);
        Assert.Equal(new CommerceCancellation(new DateTimeOffset(2021, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5)), "customer"), order.Cancellation);
        Assert.Equal(["visa", "bogus"], order.PaymentGateways);
        Assert.Empty(order.Payments);
        Assert.Empty(order.Refunds);
        Assert.Empty(order.Fulfilments);
    }

    [Fact]
    public void The_docs_sample_order_reads_its_people_and_addresses()
    {
        var order = DocsSampleOrder();

        Assert.Equal("jon@example.com", order.Email);
        Assert.Null(order.Phone);
        Assert.Equal(
            new CommerceAddress("Steve Shipper", "Steve", "Shipper", "Shipping Company", "123 Shipping Street", null, "Shippington", "KY", "40003", "US", "555-555-SHIP"),
            order.BillingAddress);
        Assert.Equal(order.BillingAddress, order.ShippingAddress);
        var customer = order.Customer!;
        Assert.Equal(("john@example.com", "John", "Smith"), (customer.Email, customer.FirstName, customer.LastName));
        Assert.Equal(
            new CommerceAddress("John Smith", "John", "Smith", null, "123 Elm St.", null, "Ottawa", "ON", "K2H7A8", "CA", "123-123-1234"),
            customer.DefaultAddress);
    }

    [Fact]
    public void The_docs_sample_order_reads_lines_shipping_and_totals()
    {
        var order = DocsSampleOrder();

        Assert.Equal([89.99m, 19.99m, 24.99m, 159.99m, 119.99m], order.Lines.Select(line => line.UnitPrice));
        Assert.Equal(["SKU2006-001", "LENS-PROTECT-2YR", "CASE-LEATHER-PREM", "SKU2006-020", "SKU2006-035"], order.Lines.Select(line => line.Sku));
        Assert.All(order.Lines, line => Assert.Equal((1, true, 1, null), (line.Quantity, line.RequiresShipping, line.FulfillableQuantity, line.VariantId)));
        Assert.Equal("Aviator sunglasses", order.Lines[0].Title);
        Assert.Null(order.Lines[1].ProductId);
        var shipping = order.ShippingLines.Single();
        Assert.Equal(("Generic Shipping", null, 10.00m), (shipping.Title, shipping.Code, shipping.Price));
        Assert.Equal(
            new CommerceOrderTotals { LineItems = 414.95m, Discounts = 20.00m, Shipping = 10.00m, Tax = 0m, Tips = 0m, Duties = 0m, Fees = 0m, Total = 404.95m },
            order.Totals);
        Assert.Empty(order.TaxLines);
        Assert.Empty(order.Discounts);
    }

    [Fact]
    public void The_docs_sample_totals_add_up_but_its_lines_do_not_carry_the_discount()
    {
        var order = DocsSampleOrder();

        // 414.95 − 20.00 + 10.00 = 404.95.
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));

        // total_discounts is 20.00, yet no line or shipping line has a discount allocation and discount_codes is
        // empty, so the lines give 414.95 + 10.00 = 424.95. (current_total_price says 414.95: a sample, not an order.)
        Assert.Equal(424.95m, OrderArithmetic.TotalFromLines(order));
    }

    [Fact]
    public void An_anonymized_order_as_received_fails_naming_the_field_its_placeholder_is_in()
    {
        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseOrder(RealFixture.Text(TaxLinesExemplar)));

        Assert.Equal("Shopify order", error.Resource);
        Assert.Equal("Shopify order payload: shipping_lines[0].price is not an amount: \"example string\"", error.Message);
    }

    [Fact]
    public void The_real_tax_lines_order_has_three_taxes_on_every_line_and_on_shipping()
    {
        var order = ShopifyPayloads.ParseOrder(RealFixture.WithAmountsRestored(TaxLinesExemplar));

        Assert.Equal(2, order.Lines.Count);
        Assert.All(order.Lines, line =>
        {
            Assert.Equal(3, line.Taxes.Count);
            Assert.All(line.Taxes, tax => Assert.Equal(new CommerceTaxLine("example string", 123.456m, 10.00m, null, false), tax));
            Assert.Equal((123, 10.00m, "123", "123"), (line.Quantity, line.UnitPrice, line.ProductId, line.VariantId));
        });
        var shipping = order.ShippingLines.Single();
        Assert.Equal(3, shipping.Taxes.Count);
        Assert.Equal(("example string", 10.00m), (shipping.Code, shipping.Price));
        Assert.Equal(3, order.TaxLines.Count);
    }

    [Fact]
    public void The_real_tax_lines_order_reads_ids_statuses_and_totals_of_an_anonymized_payload()
    {
        var order = ShopifyPayloads.ParseOrder(RealFixture.WithAmountsRestored(TaxLinesExemplar));

        // The anonymizer made every gid a URL, so the numeric ids stand in.
        Assert.Equal("123", order.Id);
        Assert.Equal("123", order.Customer!.Id);
        Assert.Equal("eallam@example.com", order.Email);
        Assert.Equal("eallam@example.com", order.Customer.Email);
        Assert.Equal(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Other, "example string"), order.FinancialStatus);
        Assert.Null(order.Cancellation);

        // total_shipping_price has only its money bag, whose amount (1.00) is read; plain totals are 100.00.
        Assert.Equal(
            new CommerceOrderTotals { LineItems = 100m, Discounts = 100m, Shipping = 1.00m, Tax = 100m, Tips = 100m, Duties = 0m, Fees = 0m, Total = 100m },
            order.Totals);
    }

    [Fact]
    public void The_real_discount_order_names_each_allocation_by_its_discount_when_the_index_points_at_one()
    {
        var order = ShopifyPayloads.ParseOrder(RealFixture.WithAmountsRestored(DiscountExemplar));

        var discount = Assert.Single(order.Discounts);
        Assert.Equal(new CommerceDiscount("example string", "example string", null, 1.00m), discount);

        // The anonymizer set every discount_application_index to 123, past the one application: no name.
        Assert.Equal([1, 0, 1], order.Lines.Select(line => line.Discounts.Count));
        Assert.All(order.Lines.SelectMany(line => line.Discounts), allocation => Assert.Equal(new CommerceDiscountAllocation(1.00m, null, null), allocation));
        Assert.All(order.Lines, line => Assert.Equal(new CommerceTaxLine("example string", 123m, 10.00m, null, false), Assert.Single(line.Taxes)));
    }

    [Fact]
    public void The_real_discount_order_has_neither_email_nor_names_where_the_payload_has_none()
    {
        var order = ShopifyPayloads.ParseOrder(RealFixture.WithAmountsRestored(DiscountExemplar));

        Assert.Null(order.Email);
        Assert.Equal(new CommerceAddress(null, null, null, null, null, null, null, "example string", null, "example string", null), order.BillingAddress);
        Assert.Null(order.Customer!.Company);
    }

    [Fact]
    public void An_allocation_takes_the_code_and_title_of_the_discount_its_index_names()
    {
        var json = RealFixture.Edited(RealFixture.WithAmountsRestored(DiscountExemplar), order =>
        {
            order["line_items"]![0]!["discount_allocations"]![0]!["discount_application_index"] = 0;
            order["discount_applications"]![0]!["code"] = "TENOFF";
            order["discount_applications"]![0]!["title"] = "Ten off";
            order["discount_codes"]![0]!["code"] = "TENOFF";
        });

        var order = ShopifyPayloads.ParseOrder(json);

        Assert.Equal(new CommerceDiscountAllocation(1.00m, "TENOFF", "Ten off"), order.Lines[0].Discounts.Single());
        Assert.Equal(new CommerceDiscount("example string", "TENOFF", "Ten off", 1.00m), order.Discounts.Single());
    }

    [Fact]
    public void A_duty_on_a_line_is_read_from_its_money_bag_with_its_taxes()
    {
        // The duty's shape is that of Gadget's 2025-04 fulfillments exemplar: a price_set but no plain price.
        var json = RealFixture.Edited(RealFixture.Property(DocsSample, "response"), order =>
            order["line_items"]![0]!["duties"] = System.Text.Json.Nodes.JsonNode.Parse("""
                [{"id": 123, "admin_graphql_api_id": "gid://shopify/Duty/2", "harmonized_system_code": "520300", "country_code_of_origin": "CA",
                  "price_set": {"shop_money": {"amount": "12.50", "currency_code": "USD"}, "presentment_money": {"amount": "17.00", "currency_code": "CAD"}},
                  "tax_lines": [{"title": "GST", "rate": 0.05, "price": "0.63", "channel_liable": false}]}]
                """));

        var duty = Assert.Single(ShopifyPayloads.ParseOrder(json).Lines[0].Duties);

        Assert.Equal(("2", 12.50m, "520300", "CA"), (duty.Id, duty.Amount, duty.HarmonizedSystemCode, duty.CountryCodeOfOrigin));
        Assert.Equal(new CommerceTaxLine("GST", 0.05m, 0.63m, null, false), Assert.Single(duty.Taxes));
    }

    [Fact]
    public void The_python_api_order_reads_its_order_level_tax_discount_code_and_legacy_gateway()
    {
        var order = ShopifyPayloads.ParseOrder(RealFixture.Property(RestOrder, "order"));

        Assert.Equal(("450789469", "#1001", "1001"), (order.Id, order.Name, order.Number));
        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Authorized, "authorized"), order.FinancialStatus);
        Assert.Equal("bob.norman@hostmail.com", order.Email);
        Assert.Equal(new CommerceTaxLine("State Tax", 0.06m, 11.94m, null, false), Assert.Single(order.TaxLines));
        Assert.Equal(new CommerceDiscount("discount_code", "TENOFF", null, 10.00m), Assert.Single(order.Discounts));
        Assert.Equal(["authorize_net"], order.PaymentGateways);
        Assert.Equal(["IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK"], order.Lines.Select(line => line.Sku));
        Assert.Equal(["39072856", "49148385", "457924702"], order.Lines.Select(line => line.VariantId));
        Assert.Equal("IPod Nano - 8gb - green", order.Lines[0].Title);
        Assert.All(order.Lines, line => Assert.Equal((199.00m, 1, "632910392"), (line.UnitPrice, line.Quantity, line.ProductId)));
        Assert.All(order.Lines, line => Assert.Empty(line.Taxes));
        var shipping = order.ShippingLines.Single();
        Assert.Equal((null, "Free Shipping", "Free Shipping", 0.00m), (shipping.Id, shipping.Title, shipping.Code, shipping.Price));
        Assert.Equal(
            new CommerceAddress(null, null, null, null, "Chestnut Street 92", null, "Louisville", "KY", "40202", "US", "555-625-1199"),
            order.Customer!.DefaultAddress);
    }

    [Fact]
    public void The_python_api_order_totals_add_up_but_its_lines_do_not()
    {
        var order = ShopifyPayloads.ParseOrder(RealFixture.Property(RestOrder, "order"));

        // 398.00 − 0.00 + 0.00 (no total_shipping_price_set: the shipping lines' sum) + 11.94 = 409.94.
        Assert.Equal(
            new CommerceOrderTotals { LineItems = 398.00m, Discounts = 0m, Shipping = 0m, Tax = 11.94m, Tips = 0m, Duties = 0m, Fees = 0m, Total = 409.94m },
            order.Totals);
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));

        // Yet three lines of 199.00 make 597.00, not total_line_items_price 398.00, and the TENOFF code's 10.00
        // appears in no total_discounts; the lines carry no tax_lines, so the lines give 597.00 in all.
        Assert.Equal(597.00m, OrderArithmetic.TotalFromLines(order));
    }

    [Fact]
    public void The_python_api_order_reads_its_embedded_fulfilment()
    {
        var fulfilment = Assert.Single(ShopifyPayloads.ParseOrder(RealFixture.Property(RestOrder, "order")).Fulfilments);

        Assert.Equal(("255858046", "450789469"), (fulfilment.Id, fulfilment.OrderId));
        Assert.Equal(new StoreCode<CommerceFulfilmentState>(CommerceFulfilmentState.Failure, "failure"), fulfilment.Status);
        Assert.Equal(new CommerceFulfilmentLine("466157049", 1), Assert.Single(fulfilment.Lines));
        Assert.Null(fulfilment.TrackingCompany);
        Assert.Equal(["1Z2345"], fulfilment.TrackingNumbers);
        Assert.StartsWith("http://wwwapps.ups.com/etracking/tracking.cgi?InquiryNumber1=1Z2345", Assert.Single(fulfilment.TrackingUrls), StringComparison.Ordinal);
    }
}
