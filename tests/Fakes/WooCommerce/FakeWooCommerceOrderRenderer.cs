using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Fakes.Orders;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// A <see cref="FakeOrderSpec"/> and its refunds as WooCommerce's v3 JSON, amounts by <see cref="FakeOrderMath"/>.
/// WooCommerce keeps line, shipping and fee totals without tax even when the shop's prices include it, so with
/// <see cref="FakeOrderSpec.PricesIncludeTax"/> each total is the spec's amount less its taxes. It cannot discount
/// shipping, so a shipping discount shows as a lower shipping total; it has no tips or duties.
/// </summary>
internal sealed class FakeWooCommerceOrderRenderer(FakeWooCommerceShop shop, FakeOrderSpec spec)
{
    /// <summary>Gateways without an API to refund through: their refunds are recorded, not paid out.</summary>
    private static readonly string[] OfflineGateways = ["bacs", "cheque", "cod"];

    private readonly List<FakeTaxSpec> rates = [.. spec.Lines.SelectMany(line => line.Taxes)
        .Concat(spec.Shipping?.Taxes ?? [])
        .Concat(spec.Fees.SelectMany(fee => fee.Taxes))
        .Distinct()];

    public bool RefundsThroughGateway => !OfflineGateways.Contains(spec.Gateway);

    public JsonObject Order(JsonObject order, long id, DateTimeOffset at)
    {
        if (spec.Tip != 0m || spec.Duties.Count > 0)
        {
            throw new NotSupportedException("WooCommerce orders have no tips or duties.");
        }

        var lines = spec.Lines.Select(line => Line(line)).ToList();
        var shipping = spec.Shipping is { } method ? Shipping(method) : null;
        var fees = spec.Fees.Select(Fee).ToList();
        var discount = lines.Sum(line => line.Subtotal - line.Total);
        var discountTax = lines.Sum(line => line.SubtotalTaxes.Sum() - line.Taxes.Sum());
        var cartTaxes = rates.Select((_, index) => lines.Sum(line => line.Taxes[index]) + fees.Sum(fee => fee.Taxes[index])).ToList();
        var shippingTaxes = rates.Select((_, index) => shipping?.Taxes[index] ?? 0m).ToList();
        var total = lines.Sum(line => line.Total) + (shipping?.Total ?? 0m) + fees.Sum(fee => fee.Total) + cartTaxes.Sum() + shippingTaxes.Sum();
        if (total != spec.Total)
        {
            throw new InvalidOperationException($"The fake's WooCommerce order adds up to {total}, not the spec's {spec.Total}.");
        }

        order["id"] = id;
        order["number"] = id.ToString(CultureInfo.InvariantCulture);
        order["order_key"] = $"wc_order_{id:x}";
        order["created_via"] = "checkout";
        order["version"] = FakeWooCommerceServer.WooCommerceVersion;
        order["status"] = spec.Paid ? "processing" : "pending";
        order["currency"] = spec.Currency;
        order["prices_include_tax"] = spec.PricesIncludeTax;
        order["discount_total"] = Money(discount);
        order["discount_tax"] = Money(discountTax);
        order["shipping_total"] = Money(shipping?.Total ?? 0m);
        order["shipping_tax"] = Money(shippingTaxes.Sum());
        order["cart_tax"] = Money(cartTaxes.Sum());
        order["total"] = Money(total);
        order["total_tax"] = Money(cartTaxes.Sum() + shippingTaxes.Sum());
        order["customer_id"] = spec.CustomerId is { } customer ? long.Parse(customer, CultureInfo.InvariantCulture) : 0;
        order["billing"] = Address(spec.BillingAddress, billing: true);
        order["shipping"] = Address(spec.ShippingAddress, billing: false);
        order["payment_method"] = spec.Gateway;
        order["payment_method_title"] = GatewayTitle(spec.Gateway);
        order["transaction_id"] = spec.Paid && RefundsThroughGateway ? $"ch_fake{id}" : "";
        FakeWooCommerceShop.Stamp(order, "date_created", at);
        FakeWooCommerceShop.Stamp(order, "date_modified", at);
        if (spec.Paid)
        {
            FakeWooCommerceShop.Stamp(order, "date_paid", at);
        }
        else
        {
            order["date_paid"] = null;
            order["date_paid_gmt"] = null;
        }

        order["line_items"] = new JsonArray([.. lines.Select(line => line.Json)]);
        order["tax_lines"] = TaxLines(cartTaxes, shippingTaxes);
        order["shipping_lines"] = shipping is null ? new JsonArray() : new JsonArray(shipping.Json);
        order["fee_lines"] = new JsonArray([.. fees.Select(fee => fee.Json)]);
        order["coupon_lines"] = spec.DiscountCode is { } code
            ? new JsonArray(new JsonObject
            {
                ["id"] = shop.NextItemId(),
                ["code"] = code,
                ["discount"] = Money(discount),
                ["discount_tax"] = Money(discountTax),
                ["discount_type"] = "fixed_cart",
                ["nominal_amount"] = spec.PricesIncludeTax ? discount + discountTax : discount,
                ["free_shipping"] = false,
                ["meta_data"] = new JsonArray(),
            })
            : new JsonArray();
        order["refunds"] = new JsonArray();
        return order;
    }

    /// <summary>
    /// The refund WooCommerce creates for <paramref name="refund"/> on <paramref name="order"/> (the order's JSON):
    /// a negative copy of the refunded lines and shipping, each naming its order item in <c>_refunded_item_id</c>.
    /// </summary>
    public JsonObject Refund(FakeRefundSpec refund, JsonObject order, long id, DateTimeOffset at)
    {
        var orderLines = order["line_items"]!.AsArray();
        var refundedTaxes = rates.Select(_ => 0m).ToArray();
        var refundedShippingTaxes = rates.Select(_ => 0m).ToArray();
        var lines = new JsonArray();
        var amount = 0m;
        foreach (var refunded in refund.Lines)
        {
            var line = spec.Lines[refunded.LineIndex];
            var share = (decimal)refunded.Quantity / line.Quantity;
            var goods = FakeOrderMath.Cents(FakeOrderMath.LineAmount(line) * share);
            var taxes = FakeOrderMath.LineTaxes(spec, line).Select(tax => FakeOrderMath.Cents(tax * share)).ToList();
            var net = spec.PricesIncludeTax ? goods - taxes.Sum() : goods;
            amount += net + taxes.Sum();
            Add(refundedTaxes, line.Taxes, taxes);
            var orderLine = orderLines[refunded.LineIndex]!.AsObject();
            var item = Item(shop.NextItemId(), orderLine, -refunded.Quantity, -net, -net, line.Taxes, taxes.Select(tax => -tax).ToList(), taxes.Select(tax => -tax).ToList());
            item["meta_data"] = new JsonArray(Meta("_refunded_item_id", orderLine["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)));
            lines.Add(item);
        }

        var shippingLines = new JsonArray();
        if (refund.Shipping > 0m && spec.Shipping is { } method)
        {
            var taxes = FakeOrderMath.Taxes(refund.Shipping, method.Taxes, spec.PricesIncludeTax);
            var net = spec.PricesIncludeTax ? refund.Shipping - taxes.Sum() : refund.Shipping;
            amount += net + taxes.Sum();
            Add(refundedShippingTaxes, method.Taxes, taxes);
            var shipping = ShippingJson(method, -net, method.Taxes, taxes.Select(tax => -tax).ToList());
            shipping["meta_data"] = new JsonArray(Meta("_refunded_item_id",
                order["shipping_lines"]![0]!["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)));
            shippingLines.Add(shipping);
        }

        if (amount != FakeOrderMath.RefundAmount(spec, refund))
        {
            throw new InvalidOperationException($"The fake's WooCommerce refund adds up to {amount}, not {FakeOrderMath.RefundAmount(spec, refund)}.");
        }

        var body = new JsonObject
        {
            ["id"] = id,
            ["amount"] = Money(amount),
            ["reason"] = refund.Note,
            ["refunded_by"] = 1,
            ["refunded_payment"] = RefundsThroughGateway,
            ["meta_data"] = new JsonArray(),
            ["line_items"] = lines,
            ["shipping_lines"] = shippingLines,
            ["tax_lines"] = TaxLines(refundedTaxes.Select(tax => -tax).ToList(), refundedShippingTaxes.Select(tax => -tax).ToList(), onlyCharged: true),
            ["fee_lines"] = new JsonArray(),
        };
        FakeWooCommerceShop.Stamp(body, "date_created", at);
        return body;
    }

    private RenderedItem Line(FakeOrderLineSpec line)
    {
        var before = line.UnitPrice * line.Quantity;
        var subtotalTaxes = FakeOrderMath.Taxes(before, line.Taxes, spec.PricesIncludeTax);
        var taxes = FakeOrderMath.LineTaxes(spec, line);
        var subtotal = spec.PricesIncludeTax ? before - subtotalTaxes.Sum() : before;
        var total = spec.PricesIncludeTax ? FakeOrderMath.LineAmount(line) - taxes.Sum() : FakeOrderMath.LineAmount(line);
        var (productId, variationId) = shop.ProductOf(line.Sku);
        var json = Item(shop.NextItemId(), new JsonObject
        {
            ["name"] = line.Title,
            ["product_id"] = productId,
            ["variation_id"] = variationId,
            ["sku"] = line.Sku,
        }, line.Quantity, subtotal, total, line.Taxes, subtotalTaxes, taxes);

        // WooCommerce notes on the line how much stock the order took once it is paid (wc_reduce_stock_levels).
        json["meta_data"] = spec.Paid ? new JsonArray(Meta("_reduced_stock", line.Quantity.ToString(CultureInfo.InvariantCulture))) : new JsonArray();
        return new RenderedItem(json, subtotal, total, Spread(line.Taxes, subtotalTaxes), Spread(line.Taxes, taxes));
    }

    /// <summary>A line item with the name, product and sku of <paramref name="source"/> and the given amounts.</summary>
    private JsonObject Item(long id, JsonObject source, int quantity, decimal subtotal, decimal total, IReadOnlyList<FakeTaxSpec> taxes,
        IReadOnlyList<decimal> subtotalTaxes, IReadOnlyList<decimal> totalTaxes) => new()
    {
        ["id"] = id,
        ["name"] = source["name"]!.DeepClone(),
        ["product_id"] = source["product_id"]!.DeepClone(),
        ["variation_id"] = source["variation_id"]!.DeepClone(),
        ["quantity"] = quantity,
        ["tax_class"] = "",
        ["subtotal"] = Money(subtotal),
        ["subtotal_tax"] = Money(subtotalTaxes.Sum()),
        ["total"] = Money(total),
        ["total_tax"] = Money(totalTaxes.Sum()),
        ["taxes"] = new JsonArray([.. taxes.Select((tax, index) => new JsonObject
        {
            ["id"] = shop.TaxRateId(tax),
            ["total"] = Money(totalTaxes[index]),
            ["subtotal"] = Money(subtotalTaxes[index]),
        })]),
        ["meta_data"] = new JsonArray(),
        ["sku"] = source["sku"]!.DeepClone(),
        ["price"] = quantity == 0 ? 0m : Math.Round(total / quantity, 6),
        ["image"] = new JsonObject { ["id"] = "", ["src"] = "" },
        ["parent_name"] = null,
    };

    private RenderedItem Shipping(FakeShippingSpec method)
    {
        var charged = method.Price - method.Discount;
        var taxes = FakeOrderMath.ShippingTaxes(spec);
        var total = spec.PricesIncludeTax ? charged - taxes.Sum() : charged;
        var json = ShippingJson(method, total, method.Taxes, taxes);
        return new RenderedItem(json, total, total, [], Spread(method.Taxes, taxes));
    }

    private JsonObject ShippingJson(FakeShippingSpec method, decimal total, IReadOnlyList<FakeTaxSpec> taxes, IReadOnlyList<decimal> amounts) => new()
    {
        ["id"] = shop.NextItemId(),
        ["method_title"] = method.Title,
        ["method_id"] = method.Code,
        ["instance_id"] = "",
        ["total"] = Money(total),
        ["total_tax"] = Money(amounts.Sum()),
        ["taxes"] = new JsonArray([.. taxes.Select((tax, index) => new JsonObject
        {
            ["id"] = shop.TaxRateId(tax),
            ["total"] = Money(amounts[index]),
            ["subtotal"] = "",
        })]),
        ["meta_data"] = new JsonArray(),
    };

    private RenderedItem Fee(FakeFeeSpec fee)
    {
        var taxes = FakeOrderMath.FeeTaxes(spec, fee);
        var total = spec.PricesIncludeTax ? fee.Amount - taxes.Sum() : fee.Amount;
        var json = new JsonObject
        {
            ["id"] = shop.NextItemId(),
            ["name"] = fee.Name,
            ["tax_class"] = "",
            ["tax_status"] = fee.Taxes.Count > 0 ? "taxable" : "none",
            ["total"] = Money(total),
            ["total_tax"] = Money(taxes.Sum()),
            ["taxes"] = new JsonArray([.. fee.Taxes.Select((tax, index) => new JsonObject
            {
                ["id"] = shop.TaxRateId(tax),
                ["total"] = Money(taxes[index]),
                ["subtotal"] = "",
            })]),
            ["meta_data"] = new JsonArray(),
        };
        return new RenderedItem(json, total, total, [], Spread(fee.Taxes, taxes));
    }

    /// <summary>
    /// One tax line per rate (<c>WC_Order::update_taxes</c>): its items' taxes and its shipping's, with the rate's
    /// code COUNTRY-STATE-NAME-PRIORITY; a rate's priority is its place in the order, as taxes of one priority exclude each other.
    /// </summary>
    private JsonArray TaxLines(List<decimal> cartTaxes, List<decimal> shippingTaxes, bool onlyCharged = false) =>
        new([.. rates.Select((rate, index) => (Rate: rate, Index: index))
            .Where(entry => !onlyCharged || cartTaxes[entry.Index] != 0m || shippingTaxes[entry.Index] != 0m)
            .Select(entry => new JsonObject
            {
                ["id"] = shop.NextItemId(),
                ["rate_code"] = RateCode(entry.Rate, entry.Index + 1),
                ["rate_id"] = shop.TaxRateId(entry.Rate),
                ["label"] = entry.Rate.Title,
                ["compound"] = false,
                ["tax_total"] = Money(cartTaxes[entry.Index]),
                ["shipping_tax_total"] = Money(shippingTaxes[entry.Index]),
                ["rate_percent"] = decimal.Parse((entry.Rate.Rate * 100m).ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                ["meta_data"] = new JsonArray(),
            })]);

    private string RateCode(FakeTaxSpec rate, int priority)
    {
        var state = spec.ShippingAddress.CountryCode == rate.CountryCode ? spec.ShippingAddress.ProvinceCode : "";
        return string.Join('-', new[] { rate.CountryCode, state, rate.Title.ToUpperInvariant(), priority.ToString(CultureInfo.InvariantCulture) }
            .Where(part => part.Length > 0));
    }

    /// <summary>An item's taxes laid out over the order's rates, zero for the rates it does not pay.</summary>
    private decimal[] Spread(IReadOnlyList<FakeTaxSpec> taxes, IReadOnlyList<decimal> amounts)
    {
        var spread = rates.Select(_ => 0m).ToArray();
        Add(spread, taxes, amounts);
        return spread;
    }

    private void Add(decimal[] sums, IReadOnlyList<FakeTaxSpec> taxes, IReadOnlyList<decimal> amounts)
    {
        for (var index = 0; index < taxes.Count; index++)
        {
            sums[rates.IndexOf(taxes[index])] += amounts[index];
        }
    }

    private JsonObject Address(FakeAddressSpec address, bool billing)
    {
        var json = new JsonObject
        {
            ["first_name"] = spec.FirstName,
            ["last_name"] = spec.LastName,
            ["company"] = spec.Company ?? "",
            ["address_1"] = address.Line1,
            ["address_2"] = "",
            ["city"] = address.City,
            ["state"] = address.ProvinceCode,
            ["postcode"] = address.Zip,
            ["country"] = address.CountryCode,
        };
        if (billing)
        {
            json["email"] = spec.Email;
            json["phone"] = spec.Phone ?? "";
        }

        return json;
    }

    private JsonObject Meta(string key, string value) => new()
    {
        ["id"] = shop.NextItemId(),
        ["key"] = key,
        ["value"] = value,
        ["display_key"] = key,
        ["display_value"] = value,
    };

    private static string GatewayTitle(string gateway) => gateway switch
    {
        "bacs" => "Direct bank transfer",
        "cheque" => "Check payments",
        "cod" => "Cash on delivery",
        "paypal" => "PayPal",
        "stripe" => "Credit Card (Stripe)",
        _ => gateway,
    };

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An item as rendered, with its amounts per order rate for the order's totals.</summary>
    private sealed record RenderedItem(JsonObject Json, decimal Subtotal, decimal Total, decimal[] SubtotalTaxes, decimal[] Taxes);
}
