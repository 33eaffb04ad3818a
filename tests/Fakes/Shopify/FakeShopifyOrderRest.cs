using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Fakes.Orders;

namespace Portal.Fakes.Shopify;

/// <summary>
/// A <see cref="FakeShopifyPlacedOrder"/> and its refunds as webhook bodies (orders/create, orders/updated,
/// orders/paid, orders/cancelled; refunds/create), in the REST shapes of the real samples under
/// shopify/webhooks: numeric ids beside <c>admin_graphql_api_id</c>, money as strings ("10.00") beside
/// <c>*_set</c> money bags, codes in lower case, <c>tax_lines</c>, <c>discount_allocations</c>, <c>duties</c>.
/// Like real order bodies they carry no transactions; refunds carry theirs.
/// </summary>
public static class FakeShopifyOrderRest
{
    /// <summary>What a discount given without a code is called.</summary>
    public const string ManualDiscountTitle = "Goodwill discount";

    public static JsonObject Order(FakeShopifyPlacedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var spec = order.Spec;
        var currency = spec.Currency;
        var body = new JsonObject
        {
            ["id"] = order.Id,
            ["admin_graphql_api_id"] = FakeShopifyOrderGraphQl.Gid("Order", order.Id),
            ["name"] = order.Name,
            ["number"] = order.Number - 1000,
            ["order_number"] = order.Number,
            ["created_at"] = Time(order.CreatedAt),
            ["updated_at"] = Time(order.UpdatedAt),
            ["processed_at"] = Time(order.CreatedAt),
            ["currency"] = currency,
            ["presentment_currency"] = currency,
            ["taxes_included"] = spec.PricesIncludeTax,
            ["duties_included"] = false,
            ["financial_status"] = order.FinancialStatus.ToLowerInvariant(),
            ["fulfillment_status"] = null,
            ["email"] = spec.Email,
            ["contact_email"] = spec.Email,
            ["phone"] = spec.Phone,
            ["cancelled_at"] = order.CancelledAt is { } cancelledAt ? Time(cancelledAt) : null,
            ["cancel_reason"] = order.CancelReason?.ToLowerInvariant(),
            ["payment_gateway_names"] = new JsonArray(spec.Gateway),
            ["customer"] = spec.CustomerId is { } customerId ? Customer(spec, customerId) : null,
            ["billing_address"] = Address(spec, spec.BillingAddress),
            ["shipping_address"] = Address(spec, spec.ShippingAddress),
            ["tax_lines"] = new JsonArray(order.TaxSummary().Select(tax => (JsonNode)TaxLine(tax.Tax, tax.Amount, currency)).ToArray()),
            ["discount_codes"] = spec.DiscountCode is { } code
                ? new JsonArray(new JsonObject { ["code"] = code, ["amount"] = Amount(FakeOrderMath.Discounts(spec)), ["type"] = "fixed_amount" })
                : new JsonArray(),
            ["discount_applications"] = FakeOrderMath.Discounts(spec) > 0 ? new JsonArray(DiscountApplication(spec)) : new JsonArray(),
            ["line_items"] = new JsonArray(spec.Lines.Select((_, index) => (JsonNode)Line(order, index)).ToArray()),
            ["shipping_lines"] = spec.Shipping is { } shipping ? new JsonArray(ShippingLine(order, shipping)) : new JsonArray(),
            ["refunds"] = new JsonArray(order.Refunds.Select(refund => (JsonNode)Refund(order, refund)).ToArray()),
            ["fulfillments"] = new JsonArray(),
        };
        Money(body, "total_line_items_price", FakeOrderMath.LinesSubtotal(spec), currency);
        Money(body, "subtotal_price", FakeOrderMath.LinesSubtotal(spec) - spec.Lines.Sum(line => line.Discount), currency);
        Money(body, "total_discounts", FakeOrderMath.Discounts(spec), currency);
        body["total_shipping_price_set"] = MoneyBag(spec.Shipping?.Price ?? 0m, currency);
        Money(body, "total_tax", FakeOrderMath.Tax(spec), currency);
        body["total_tip_received"] = Amount(spec.Tip);
        body["original_total_duties_set"] = spec.Duties.Count > 0 ? MoneyBag(spec.Duties.Sum(duty => duty.Amount), currency) : null;
        body["original_total_additional_fees_set"] = null;
        Money(body, "total_price", spec.Total, currency);
        body["total_outstanding"] = Amount(order.Paid ? 0m : spec.Total);
        return body;
    }

    public static JsonObject Refund(FakeShopifyPlacedOrder order, FakeShopifyPlacedRefund refund)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refund);
        var currency = order.Spec.Currency;
        return new JsonObject
        {
            ["id"] = refund.Id,
            ["admin_graphql_api_id"] = FakeShopifyOrderGraphQl.Gid("Refund", refund.Id),
            ["order_id"] = order.Id,
            ["created_at"] = Time(refund.CreatedAt),
            ["processed_at"] = Time(refund.CreatedAt),
            ["note"] = refund.Spec.Note,
            ["user_id"] = null,
            ["restock"] = refund.Spec.Restock,
            ["duties"] = new JsonArray(),
            ["total_duties_set"] = MoneyBag(0m, currency),
            ["return"] = null,
            ["refund_line_items"] = new JsonArray(refund.Spec.Lines.Select((line, index) =>
            {
                var (subtotal, tax) = order.RefundLineAmounts(line);
                var item = new JsonObject
                {
                    ["id"] = refund.LineIds[index],
                    ["quantity"] = line.Quantity,
                    ["line_item_id"] = order.LineIds[line.LineIndex],
                    ["location_id"] = line.Restock ? FakeShopifyPlacedOrder.LocationId : null,
                    ["restock_type"] = line.Restock ? "return" : "no_restock",
                    ["subtotal"] = subtotal,
                    ["subtotal_set"] = MoneyBag(subtotal, currency),
                    ["total_tax"] = tax,
                    ["total_tax_set"] = MoneyBag(tax, currency),
                    ["line_item"] = Line(order, line.LineIndex),
                };
                return (JsonNode)item;
            }).ToArray()),
            ["refund_shipping_lines"] = refund.ShippingLineId is { } shippingLineId
                ? new JsonArray(new JsonObject
                {
                    ["id"] = shippingLineId,
                    ["shipping_line_id"] = order.ShippingLineId,
                    ["subtotal_amount_set"] = MoneyBag(refund.Spec.Shipping, currency),
                    ["tax_amount_set"] = MoneyBag(order.RefundShippingTax(refund.Spec), currency),
                })
                : new JsonArray(),
            ["order_adjustments"] = new JsonArray(),
            ["transactions"] = new JsonArray(Transaction(order, refund.Transaction)),
        };
    }

    private static JsonObject Line(FakeShopifyPlacedOrder order, int index)
    {
        var spec = order.Spec;
        var line = spec.Lines[index];
        var currency = spec.Currency;
        var (productId, variantId) = order.Products[index];
        var body = new JsonObject
        {
            ["id"] = order.LineIds[index],
            ["admin_graphql_api_id"] = FakeShopifyOrderGraphQl.Gid("LineItem", order.LineIds[index]),
            ["product_id"] = productId,
            ["variant_id"] = variantId,
            ["sku"] = line.Sku,
            ["title"] = line.Title,
            ["name"] = line.Title,
            ["variant_title"] = null,
            ["vendor"] = null,
            ["quantity"] = line.Quantity,
            ["current_quantity"] = order.UnfulfilledQuantity(index),
            ["fulfillable_quantity"] = order.UnfulfilledQuantity(index),
            ["fulfillment_status"] = null,
            ["fulfillment_service"] = "manual",
            ["requires_shipping"] = true,
            ["taxable"] = line.Taxes.Count > 0,
            ["gift_card"] = false,
            ["product_exists"] = true,
            ["properties"] = new JsonArray(),
            ["tax_lines"] = TaxLines(line.Taxes, FakeOrderMath.LineTaxes(spec, line), currency),
            ["discount_allocations"] = Allocations(line.Discount, currency),
            ["duties"] = new JsonArray(spec.Duties.Select((duty, dutyIndex) => (duty, dutyIndex)).Where(entry => entry.duty.LineIndex == index)
                .Select(entry => (JsonNode)new JsonObject
                {
                    ["id"] = order.DutyIds[entry.dutyIndex],
                    ["admin_graphql_api_id"] = FakeShopifyOrderGraphQl.Gid("Duty", order.DutyIds[entry.dutyIndex]),
                    ["harmonized_system_code"] = FakeShopifyPlacedOrder.DutyHarmonizedSystemCode,
                    ["country_code_of_origin"] = FakeShopifyPlacedOrder.DutyCountryOfOrigin,
                    ["price_set"] = MoneyBag(entry.duty.Amount, currency),
                    ["tax_lines"] = TaxLines(entry.duty.Taxes, FakeOrderMath.DutyTaxes(entry.duty), currency),
                }).ToArray()),
        };
        Money(body, "price", line.UnitPrice, currency);
        Money(body, "total_discount", 0m, currency);
        return body;
    }

    private static JsonObject ShippingLine(FakeShopifyPlacedOrder order, FakeShippingSpec shipping)
    {
        var currency = order.Spec.Currency;
        var body = new JsonObject
        {
            ["id"] = order.ShippingLineId,
            ["title"] = shipping.Title,
            ["code"] = shipping.Code,
            ["source"] = "shopify",
            ["carrier_identifier"] = null,
            ["is_removed"] = false,
            ["tax_lines"] = TaxLines(shipping.Taxes, FakeOrderMath.ShippingTaxes(order.Spec), currency),
            ["discount_allocations"] = Allocations(shipping.Discount, currency),
        };
        Money(body, "price", shipping.Price, currency);
        Money(body, "discounted_price", shipping.Price - shipping.Discount, currency);
        return body;
    }

    private static JsonObject DiscountApplication(FakeOrderSpec spec)
    {
        var application = new JsonObject
        {
            ["type"] = spec.DiscountCode is null ? "manual" : "discount_code",
            ["value"] = Amount(FakeOrderMath.Discounts(spec)),
            ["value_type"] = "fixed_amount",
            ["allocation_method"] = "across",
            ["target_selection"] = "all",
            ["target_type"] = "line_item",
        };
        if (spec.DiscountCode is { } code)
        {
            application["code"] = code;
        }
        else
        {
            application["title"] = ManualDiscountTitle;
            application["description"] = ManualDiscountTitle;
        }

        return application;
    }

    private static JsonArray Allocations(decimal discount, string currency) => discount > 0
        ? new JsonArray(new JsonObject { ["amount"] = Amount(discount), ["amount_set"] = MoneyBag(discount, currency), ["discount_application_index"] = 0 })
        : new JsonArray();

    private static JsonArray TaxLines(IReadOnlyList<FakeTaxSpec> taxes, IReadOnlyList<decimal> amounts, string currency) =>
        new(taxes.Zip(amounts).Select(tax => (JsonNode)TaxLine(tax.First, tax.Second, currency)).ToArray());

    private static JsonObject TaxLine(FakeTaxSpec tax, decimal amount, string currency)
    {
        var line = new JsonObject { ["title"] = tax.Title, ["rate"] = tax.Rate, ["channel_liable"] = false };
        Money(line, "price", amount, currency);
        return line;
    }

    private static JsonObject Transaction(FakeShopifyPlacedOrder order, FakeShopifyTransaction transaction) => new()
    {
        ["id"] = transaction.Id,
        ["admin_graphql_api_id"] = FakeShopifyOrderGraphQl.Gid("OrderTransaction", transaction.Id),
        ["order_id"] = order.Id,
        ["kind"] = transaction.Kind.ToLowerInvariant(),
        ["gateway"] = transaction.Gateway,
        ["status"] = transaction.Status.ToLowerInvariant(),
        ["message"] = null,
        ["created_at"] = Time(transaction.ProcessedAt),
        ["processed_at"] = Time(transaction.ProcessedAt),
        ["test"] = true,
        ["parent_id"] = null,
        ["amount"] = Amount(transaction.Amount),
        ["currency"] = order.Spec.Currency,
    };

    private static JsonObject Customer(FakeOrderSpec spec, string customerId) => new()
    {
        ["id"] = long.Parse(customerId, CultureInfo.InvariantCulture),
        ["admin_graphql_api_id"] = $"gid://shopify/Customer/{customerId}",
        ["email"] = spec.Email,
        ["first_name"] = spec.FirstName,
        ["last_name"] = spec.LastName,
        ["phone"] = spec.Phone,
        ["state"] = "enabled",
        ["tax_exempt"] = false,
        ["currency"] = spec.Currency,
        ["default_address"] = Address(spec, spec.BillingAddress),
    };

    private static JsonObject Address(FakeOrderSpec spec, FakeAddressSpec address) => new()
    {
        ["first_name"] = spec.FirstName,
        ["last_name"] = spec.LastName,
        ["name"] = $"{spec.FirstName} {spec.LastName}",
        ["company"] = spec.Company,
        ["address1"] = address.Line1,
        ["address2"] = null,
        ["city"] = address.City,
        ["province_code"] = address.ProvinceCode is { Length: > 0 } province ? province : null,
        ["zip"] = address.Zip,
        ["country_code"] = address.CountryCode,
        ["phone"] = spec.Phone,
    };

    /// <summary>An amount as REST writes it, "10.00", with its money bag as <c>{name}_set</c>.</summary>
    private static void Money(JsonObject owner, string name, decimal amount, string currency)
    {
        owner[name] = Amount(amount);
        owner[name + "_set"] = MoneyBag(amount, currency);
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static JsonObject MoneyBag(decimal amount, string currency) => new()
    {
        ["shop_money"] = new JsonObject { ["amount"] = Amount(amount), ["currency_code"] = currency },
        ["presentment_money"] = new JsonObject { ["amount"] = Amount(amount), ["currency_code"] = currency },
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
