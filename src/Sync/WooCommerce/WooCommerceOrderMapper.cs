using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// A v3 order (also the body of order.created and order.updated webhooks). WooCommerce keeps line, shipping and
/// fee amounts without tax even when the shop's prices include it, so with <c>prices_include_tax</c> each amount
/// gets its own taxes added back: every price in the canonical order then includes tax, as the flag says.
/// </summary>
internal static class WooCommerceOrderMapper
{
    public static CommerceOrder Map(PayloadNode order)
    {
        var id = order.RequiredId("id");
        var status = order.RequiredText("status");
        var includesTax = order.RequiredFlag("prices_include_tax");
        var rates = WooCommerceTaxRates.Of(order);
        var coupons = order.Objects("coupon_lines").Select(coupon => coupon.Text("code")).OfType<string>().ToList();
        var lines = order.Objects("line_items").Select(line => Line(line, rates, includesTax, coupons)).ToList();
        var refunds = order.Objects("refunds").Select(refund => RefundSummary(refund, id)).ToList();
        var fees = order.Objects("fee_lines")
            .Select(fee => new CommerceFee(fee.RequiredId("id"), fee.RequiredDecodedText("name"), Gross(fee, "total", includesTax), rates.Taxes(fee)))
            .ToList();
        var number = order.Text("number");
        return new CommerceOrder
        {
            Id = id,
            Name = number ?? id,
            Number = number,
            CreatedAt = order.UtcTime("date_created") ?? throw order.Missing("date_created_gmt"),
            UpdatedAt = order.UtcTime("date_modified") ?? throw order.Missing("date_modified_gmt"),
            Currency = order.RequiredText("currency"),
            PricesIncludeTax = includesTax,
            FinancialStatus = new(FinancialStatusOf(status, refunds.Count > 0), status),
            FulfilmentStatus = new(FulfilmentStatusOf(status), status),
            Customer = WooCommerceCustomerMapper.FromOrder(order),
            Email = order.Object("billing")?.Text("email"),
            Phone = order.Object("billing")?.Text("phone"),
            BillingAddress = order.Address("billing"),
            ShippingAddress = order.Address("shipping"),
            Lines = lines,
            ShippingLines = order.Objects("shipping_lines")
                .Select(line => new CommerceShippingLine(line.RequiredId("id"), line.RequiredDecodedText("method_title"), line.Text("method_id"), Gross(line, "total", includesTax), rates.Taxes(line), []))
                .ToList(),
            Fees = fees,
            TaxLines = rates.OrderTaxes,
            Discounts = order.Objects("coupon_lines")
                .Select(coupon => new CommerceDiscount("coupon", coupon.Text("code"), null, Gross(coupon, "discount", includesTax)))
                .ToList(),
            Totals = new CommerceOrderTotals
            {
                // From the subtotals, not unit price × quantity: 10.00 for 3 has no exact unit price.
                LineItems = order.Objects("line_items").Sum(line => Gross(line, "subtotal", includesTax)),
                Discounts = Gross(order, "discount_total", includesTax, taxField: "discount_tax"),
                Shipping = Gross(order, "shipping_total", includesTax, taxField: "shipping_tax"),
                Tax = order.RequiredDecimal("total_tax"),
                Tips = 0m,
                Duties = 0m,
                Fees = fees.Sum(fee => fee.Amount),
                Total = order.RequiredDecimal("total"),
            },
            PaymentGateways = order.Text("payment_method") is { } gateway ? [gateway] : [],
            Payments = Payment(order, status) is { } payment ? [payment] : [],
            Cancellation = status == "cancelled" ? new CommerceCancellation(null, null) : null,
            Refunds = refunds,
            Fulfilments = [],
        };
    }

    /// <summary>A batch answer's created, updated and deleted orders; a failed item fails the whole read with its error.</summary>
    public static WooCommerceOrderBatch MapBatch(PayloadNode batch) =>
        new(Orders(batch, "create"), Orders(batch, "update"), Orders(batch, "delete"));

    private static List<CommerceOrder> Orders(PayloadNode batch, string operation) =>
        batch.Objects(operation)
            .Select(item => item.Object("error") is { } error
                ? throw item.Problem($"{item.Path} failed: {error.Text("code")}: {error.Text("message")}")
                : Map(item))
            .ToList();

    /// <summary>
    /// The unit price comes from the line's subtotal (before discounts), because <c>price</c> is a float WooCommerce
    /// computes after discounts; the discount is what the subtotal lost on the way to the total. WooCommerce does not
    /// split a line's discount between coupons, so it is attributed to the coupon when the order has one, and to
    /// all of them by title when it has several.
    /// </summary>
    private static CommerceOrderLine Line(PayloadNode line, WooCommerceTaxRates rates, bool includesTax, IReadOnlyList<string> coupons)
    {
        var quantity = line.RequiredInteger("quantity");
        var beforeDiscounts = Gross(line, "subtotal", includesTax);
        var discount = beforeDiscounts - Gross(line, "total", includesTax);
        return new CommerceOrderLine
        {
            Id = line.RequiredId("id"),
            ProductId = line.OptionalId("product_id"),
            VariantId = line.OptionalId("variation_id"),
            Sku = line.Text("sku"),
            Title = line.RequiredDecodedText("name"),
            Quantity = quantity,
            UnitPrice = quantity == 0 ? 0m : beforeDiscounts / quantity,
            Taxes = rates.Taxes(line),
            Discounts = discount > 0m ? [Allocation(discount, coupons)] : [],
            Duties = [],
        };
    }

    private static CommerceDiscountAllocation Allocation(decimal amount, IReadOnlyList<string> coupons) => coupons switch
    {
        [var code] => new CommerceDiscountAllocation(amount, code, null),
        [] => new CommerceDiscountAllocation(amount, null, null),
        _ => new CommerceDiscountAllocation(amount, null, string.Join(", ", coupons)),
    };

    /// <summary>An amount, with its tax (the field's <c>_tax</c> twin unless named) added when prices include tax.</summary>
    private static decimal Gross(PayloadNode node, string field, bool includesTax, string? taxField = null)
    {
        var amount = node.RequiredDecimal(field);
        return includesTax ? amount + (node.Decimal(taxField ?? field + "_tax") ?? 0m) : amount;
    }

    /// <summary>
    /// WooCommerce records one payment per order: its gateway, the gateway's transaction id and when it was paid.
    /// It counts as received in the statuses WooCommerce calls paid, or once it has a payment date.
    /// </summary>
    private static CommercePayment? Payment(PayloadNode order, string status)
    {
        if (order.Text("payment_method") is not { } gateway)
        {
            return null;
        }

        var paidAt = order.UtcTime("date_paid");
        var outcome = status switch
        {
            "failed" => CommercePaymentStatus.Failure,
            _ when IsPaid(status) || paidAt is not null => CommercePaymentStatus.Success,
            _ => CommercePaymentStatus.Pending,
        };
        return new CommercePayment
        {
            Id = order.Text("transaction_id"),
            Gateway = gateway,
            GatewayTitle = order.Text("payment_method_title"),
            Kind = new(CommercePaymentKind.Sale, null),
            Status = new(outcome, status),
            Amount = order.RequiredDecimal("total"),
            Currency = order.Text("currency"),
            ProcessedAt = paidAt,
        };
    }

    /// <summary>An order carries only a summary of each refund: its id, reason and (negative) total.</summary>
    private static CommerceRefund RefundSummary(PayloadNode refund, string orderId) => new()
    {
        Id = refund.RequiredId("id"),
        OrderId = orderId,
        Note = refund.Text("reason"),
        Lines = [],
        Shipping = 0m,
        Adjustments = [],
        Transactions = [],
        Amount = Math.Abs(refund.RequiredDecimal("total")),
    };

    /// <summary>WooCommerce's own paid statuses (wc_get_is_paid_statuses).</summary>
    private static bool IsPaid(string status) => status is "processing" or "completed";

    /// <summary>WooCommerce keeps a partly refunded order in its paid status; it moves to "refunded" once fully refunded.</summary>
    private static CommerceFinancialStatus FinancialStatusOf(string status, bool hasRefunds) => status switch
    {
        _ when IsPaid(status) && hasRefunds => CommerceFinancialStatus.PartiallyRefunded,
        _ when IsPaid(status) => CommerceFinancialStatus.Paid,
        "pending" or "on-hold" => CommerceFinancialStatus.Pending,
        "cancelled" => CommerceFinancialStatus.Voided,
        "refunded" => CommerceFinancialStatus.Refunded,
        "failed" => CommerceFinancialStatus.Failed,
        _ => CommerceFinancialStatus.Other,
    };

    private static CommerceFulfilmentStatus FulfilmentStatusOf(string status) => status switch
    {
        "completed" => CommerceFulfilmentStatus.Fulfilled,
        "pending" or "on-hold" or "processing" or "cancelled" or "failed" => CommerceFulfilmentStatus.Unfulfilled,
        _ => CommerceFulfilmentStatus.Other,
    };
}
