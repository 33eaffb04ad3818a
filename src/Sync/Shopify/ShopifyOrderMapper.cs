using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

/// <summary>
/// An order webhook body (orders/create, orders/updated) or REST order. Totals are the original ones
/// (total_price, subtotal…), not current_*: current_* already subtract refunds and removed lines, while the lines
/// here keep their ordered quantities and refunds reach the flows as refunds, so current totals would count every
/// refund twice and no longer match the lines.
/// </summary>
internal static class ShopifyOrderMapper
{
    public static CommerceOrder Map(PayloadNode order)
    {
        var discounts = Discounts(order);
        var shippingLines = order.Objects("shipping_lines").Select(line => ShippingLine(line, discounts)).ToList();
        var financialStatus = order.Text("financial_status");
        var fulfilmentStatus = order.Text("fulfillment_status");
        return new CommerceOrder
        {
            Id = order.ShopifyId("Order"),
            Name = order.RequiredText("name"),
            Number = order.Id("order_number"),
            CreatedAt = order.RequiredTime("created_at"),
            UpdatedAt = order.RequiredTime("updated_at"),
            Currency = order.RequiredText("currency"),
            PricesIncludeTax = order.RequiredFlag("taxes_included"),
            FinancialStatus = new(FinancialStatusOf(financialStatus), financialStatus),
            FulfilmentStatus = new(FulfilmentStatusOf(fulfilmentStatus), fulfilmentStatus),
            Customer = order.Object("customer") is { } customer ? ShopifyCustomerMapper.Map(customer) : null,
            Email = order.Text("email") ?? order.Text("contact_email"),
            Phone = order.Text("phone"),
            BillingAddress = order.Address("billing_address"),
            ShippingAddress = order.Address("shipping_address"),
            Lines = order.Objects("line_items").Select(line => Line(line, discounts)).ToList(),
            ShippingLines = shippingLines,
            Fees = [],
            TaxLines = order.TaxLines(),
            Discounts = discounts,
            Totals = new CommerceOrderTotals
            {
                LineItems = order.RequiredMoney("total_line_items_price"),
                Discounts = order.RequiredMoney("total_discounts"),
                Shipping = order.Money("total_shipping_price") ?? shippingLines.Sum(line => line.Price),
                Tax = order.RequiredMoney("total_tax"),
                Tips = order.Money("total_tip_received") ?? 0m,
                Duties = order.Money("original_total_duties") ?? 0m,
                Fees = order.Money("original_total_additional_fees") ?? 0m,
                Total = order.RequiredMoney("total_price"),
            },
            PaymentGateways = order.Texts("payment_gateway_names") is { Count: > 0 } gateways ? gateways
                : order.Text("gateway") is { } gateway ? [gateway]
                : [],
            Payments = order.Objects("transactions").Select(ShopifyTransactionMapper.Map).ToList(),
            Cancellation = order.Time("cancelled_at") is { } cancelledAt ? new CommerceCancellation(cancelledAt, order.Text("cancel_reason")) : null,
            Refunds = order.Objects("refunds").Select(ShopifyRefundMapper.Map).ToList(),
            Fulfilments = order.Objects("fulfillments").Select(ShopifyFulfilmentMapper.Map).ToList(),
        };
    }

    /// <summary>
    /// One discount per discount application, in order, since allocations point at them by index; then the codes
    /// of older payloads, which have discount_codes but no applications.
    /// </summary>
    private static List<CommerceDiscount> Discounts(PayloadNode order)
    {
        var codes = order.Objects("discount_codes").Select(code => (Code: code.Text("code"), Amount: code.Money("amount"))).ToList();
        var applications = order.Objects("discount_applications")
            .Select(application =>
            {
                var code = application.Text("code");
                var amount = codes.Where(entry => code is not null && entry.Code == code).Select(entry => entry.Amount).FirstOrDefault();
                return new CommerceDiscount(application.Text("type"), code, application.Text("title") ?? application.Text("description"), amount);
            })
            .ToList();
        var codesWithoutApplication = codes
            .Where(entry => !applications.Exists(application => application.Code is not null && application.Code == entry.Code))
            .Select(entry => new CommerceDiscount("discount_code", entry.Code, null, entry.Amount));
        return [.. applications, .. codesWithoutApplication];
    }

    private static CommerceOrderLine Line(PayloadNode line, IReadOnlyList<CommerceDiscount> discounts) => new()
    {
        Id = line.ShopifyId("LineItem"),
        ProductId = line.Id("product_id"),
        VariantId = line.Id("variant_id"),
        Sku = line.Text("sku"),
        Title = line.Text("name") ?? line.RequiredText("title"),
        Quantity = line.RequiredInteger("quantity"),
        UnitPrice = line.RequiredMoney("price"),
        Taxes = line.TaxLines(),
        Discounts = Allocations(line, discounts),
        Duties = line.Objects("duties").Select(Duty).ToList(),
        RequiresShipping = line.Flag("requires_shipping"),
        FulfillableQuantity = line.Integer("fulfillable_quantity"),
    };

    private static CommerceShippingLine ShippingLine(PayloadNode line, IReadOnlyList<CommerceDiscount> discounts) =>
        new(line.Id("id"), line.RequiredText("title"), line.Text("code"), line.RequiredMoney("price"), line.TaxLines(), Allocations(line, discounts));

    /// <summary>Each allocation named by the discount its index points at; an index past the list names none.</summary>
    private static List<CommerceDiscountAllocation> Allocations(PayloadNode owner, IReadOnlyList<CommerceDiscount> discounts) =>
        owner.Objects("discount_allocations")
            .Select(allocation =>
            {
                var discount = allocation.Integer("discount_application_index") is { } index && index >= 0 && index < discounts.Count ? discounts[index] : null;
                return new CommerceDiscountAllocation(allocation.RequiredMoney("amount"), discount?.Code, discount?.Title);
            })
            .ToList();

    private static CommerceDuty Duty(PayloadNode duty) =>
        new(duty.ShopifyId("Duty"), duty.RequiredMoney("price"), duty.Text("harmonized_system_code"), duty.Text("country_code_of_origin"), duty.TaxLines());

    internal static CommerceFinancialStatus FinancialStatusOf(string? status) => status switch
    {
        "pending" => CommerceFinancialStatus.Pending,
        "authorized" => CommerceFinancialStatus.Authorized,
        "partially_paid" => CommerceFinancialStatus.PartiallyPaid,
        "paid" => CommerceFinancialStatus.Paid,
        "partially_refunded" => CommerceFinancialStatus.PartiallyRefunded,
        "refunded" => CommerceFinancialStatus.Refunded,
        "voided" => CommerceFinancialStatus.Voided,
        _ => CommerceFinancialStatus.Other,
    };

    private static CommerceFulfilmentStatus FulfilmentStatusOf(string? status) => status switch
    {
        null => CommerceFulfilmentStatus.Unfulfilled,
        "partial" => CommerceFulfilmentStatus.PartiallyFulfilled,
        "fulfilled" => CommerceFulfilmentStatus.Fulfilled,
        _ => CommerceFulfilmentStatus.Other,
    };
}
