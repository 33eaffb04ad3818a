using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

/// <summary>
/// An order as Operations/Order.graphql reads it (all its line pages joined) into the canonical model. As with
/// webhook bodies, totals are the original ones, not the current ones that already subtract refunds. Each refund
/// is the one Operations/Refund.graphql read, joined in by the client in place of the order's list of refund ids.
/// </summary>
internal static class ShopifyGraphQlOrderMapper
{
    public static CommerceOrder Map(PayloadNode order)
    {
        var id = order.RequiredGidId("id", "Order");
        var lineNodes = order.Nodes("lineItems");
        var shippingNodes = order.Nodes("shippingLines");
        var discounts = Discounts(order, [.. lineNodes, .. shippingNodes]);
        var lines = lineNodes.Select(line => Line(line, discounts)).ToList();
        var shippingLines = shippingNodes.Select(line => ShippingLine(line, discounts)).ToList();
        var financialStatus = order.Text("displayFinancialStatus");
        var fulfilmentStatus = order.Text("displayFulfillmentStatus");
        return new CommerceOrder
        {
            Id = id,
            Name = order.RequiredText("name"),
            Number = order.Integer("number")?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = order.RequiredTime("createdAt"),
            UpdatedAt = order.RequiredTime("updatedAt"),
            Currency = order.RequiredText("currencyCode"),
            PricesIncludeTax = order.RequiredFlag("taxesIncluded"),
            FinancialStatus = new(ShopifyOrderMapper.FinancialStatusOf(ShopifyGraphQlFields.RestCode(financialStatus)), financialStatus),
            FulfilmentStatus = new(FulfilmentStatusOf(fulfilmentStatus), fulfilmentStatus),
            Customer = order.Object("customer") is { } customer ? Customer(customer) : null,
            Email = order.Text("email"),
            Phone = order.Text("phone"),
            BillingAddress = order.GraphQlAddress("billingAddress"),
            ShippingAddress = order.GraphQlAddress("shippingAddress"),
            Lines = lines,
            ShippingLines = shippingLines,
            Fees = [],
            TaxLines = order.GraphQlTaxLines(),
            Discounts = discounts.Values.ToList(),
            Totals = new CommerceOrderTotals
            {
                LineItems = lineNodes.Sum(line => line.RequiredShopMoney("originalTotalSet")),
                Discounts = order.ShopMoney("totalDiscountsSet") ?? 0m,
                Shipping = shippingLines.Sum(line => line.Price),
                Tax = order.ShopMoney("totalTaxSet") ?? 0m,
                Tips = order.ShopMoney("totalTipReceivedSet") ?? 0m,
                Duties = order.ShopMoney("originalTotalDutiesSet") ?? 0m,
                Fees = order.ShopMoney("originalTotalAdditionalFeesSet") ?? 0m,
                Total = order.RequiredShopMoney("totalPriceSet"),
            },
            PaymentGateways = order.Texts("paymentGatewayNames"),
            Payments = order.Objects("transactions").Select(Payment).ToList(),
            Cancellation = order.Time("cancelledAt") is { } cancelledAt
                ? new CommerceCancellation(cancelledAt, ShopifyGraphQlFields.RestCode(order.Text("cancelReason")))
                : null,
            Refunds = order.Objects("refunds").Select(refund => Refund(refund, id)).ToList(),
            Fulfilments = order.Objects("fulfillments").Select(fulfilment => Fulfilment(fulfilment, id)).ToList(),
        };
    }

    /// <summary>
    /// The order's discount applications by index (allocations point at them by index), each with the amount it
    /// took: the sum of its allocations on lines and shipping lines.
    /// </summary>
    private static SortedDictionary<int, CommerceDiscount> Discounts(PayloadNode order, IReadOnlyList<PayloadNode> allocationOwners)
    {
        var allocated = allocationOwners
            .SelectMany(owner => owner.Objects("discountAllocations"))
            .GroupBy(allocation => allocation.RequiredObject("discountApplication").RequiredInteger("index"))
            .ToDictionary(group => group.Key, group => group.Sum(allocation => allocation.RequiredShopMoney("allocatedAmountSet")));
        return new SortedDictionary<int, CommerceDiscount>(order.Nodes("discountApplications").ToDictionary(
            application => application.RequiredInteger("index"),
            application => new CommerceDiscount(
                KindOf(application.RequiredText("__typename")),
                application.Text("code"),
                application.Text("title"),
                allocated.TryGetValue(application.RequiredInteger("index"), out var amount) ? amount : null)));
    }

    private static string KindOf(string typeName) => typeName switch
    {
        "DiscountCodeApplication" => "discount_code",
        "AutomaticDiscountApplication" => "automatic",
        "ManualDiscountApplication" => "manual",
        "ScriptDiscountApplication" => "script",
        _ => typeName,
    };

    private static CommerceOrderLine Line(PayloadNode line, SortedDictionary<int, CommerceDiscount> discounts) => new()
    {
        Id = line.RequiredGidId("id", "LineItem"),
        ProductId = line.Object("product")?.GidId("id", "Product"),
        VariantId = line.Object("variant")?.GidId("id", "ProductVariant"),
        Sku = line.Text("sku"),
        Title = line.RequiredText("name"),
        Quantity = line.RequiredInteger("quantity"),
        UnitPrice = line.RequiredShopMoney("originalUnitPriceSet"),
        Taxes = line.GraphQlTaxLines(),
        Discounts = Allocations(line, discounts),
        Duties = line.Objects("duties").Select(Duty).ToList(),
        RequiresShipping = line.Flag("requiresShipping"),
        FulfillableQuantity = line.Integer("unfulfilledQuantity"),
    };

    private static CommerceShippingLine ShippingLine(PayloadNode line, SortedDictionary<int, CommerceDiscount> discounts) =>
        new(line.GidId("id", "ShippingLine"), line.RequiredText("title"), line.Text("code"), line.RequiredShopMoney("originalPriceSet"),
            line.GraphQlTaxLines(), Allocations(line, discounts));

    private static List<CommerceDiscountAllocation> Allocations(PayloadNode owner, SortedDictionary<int, CommerceDiscount> discounts) =>
        owner.Objects("discountAllocations")
            .Select(allocation =>
            {
                var discount = discounts.GetValueOrDefault(allocation.RequiredObject("discountApplication").RequiredInteger("index"));
                return new CommerceDiscountAllocation(allocation.RequiredShopMoney("allocatedAmountSet"), discount?.Code, discount?.Title);
            })
            .ToList();

    private static CommerceDuty Duty(PayloadNode duty) =>
        new(duty.RequiredGidId("id", "Duty"), duty.RequiredShopMoney("price"), duty.Text("harmonizedSystemCode"), duty.Text("countryCodeOfOrigin"),
            duty.GraphQlTaxLines());

    private static CommerceCustomer Customer(PayloadNode customer)
    {
        var address = customer.GraphQlAddress("defaultAddress");
        return new CommerceCustomer(
            customer.RequiredGidId("id", "Customer"),
            customer.Object("defaultEmailAddress")?.Text("emailAddress"),
            customer.Text("firstName"),
            customer.Text("lastName"),
            customer.Object("defaultPhoneNumber")?.Text("phoneNumber"),
            address?.Company,
            address);
    }

    private static CommercePayment Payment(PayloadNode transaction)
    {
        var kind = transaction.Text("kind");
        var status = transaction.Text("status");
        return new CommercePayment
        {
            Id = transaction.RequiredGidId("id", "OrderTransaction"),
            Gateway = transaction.Text("gateway"),
            Kind = new(ShopifyTransactionMapper.KindOf(ShopifyGraphQlFields.RestCode(kind)), kind),
            Status = new(ShopifyTransactionMapper.StatusOf(ShopifyGraphQlFields.RestCode(status)), status),
            Amount = transaction.RequiredShopMoney("amountSet"),
            Currency = transaction.RequiredObject("amountSet").RequiredObject("shopMoney").Text("currencyCode"),
            ProcessedAt = transaction.Time("processedAt") ?? transaction.Time("createdAt"),
        };
    }

    /// <summary>A refund as Operations/Refund.graphql reads it (every page of its lines joined).</summary>
    private static CommerceRefund Refund(PayloadNode refund, string orderId)
    {
        var lines = refund.Nodes("refundLineItems");
        var shipping = refund.Nodes("refundShippingLines");
        return new CommerceRefund
        {
            Id = refund.RequiredGidId("id", "Refund"),
            OrderId = orderId,
            CreatedAt = refund.Time("createdAt"),
            Note = refund.Text("note"),

            // GraphQL says per line what went back to stock; the REST bodies' refund-wide flag is whether any did.
            Restock = lines.Any(line => line.RequiredFlag("restocked")),
            Lines = lines.Select(RefundLine).ToList(),
            Shipping = shipping.Sum(line => line.RequiredShopMoney("subtotalAmountSet")),
            ShippingTax = shipping.Sum(line => line.RequiredShopMoney("taxAmountSet")),
            Adjustments = refund.Nodes("orderAdjustments")
                .Select(adjustment => new CommerceRefundAdjustment(
                    ShopifyGraphQlFields.RestCode(adjustment.Text("reason")), Reason: null,
                    adjustment.RequiredShopMoney("amountSet"), adjustment.RequiredShopMoney("taxAmountSet")))
                .ToList(),
            Transactions = refund.Nodes("transactions").Select(Payment).ToList(),
            Amount = refund.RequiredShopMoney("totalRefundedSet"),
        };
    }

    private static CommerceRefundLine RefundLine(PayloadNode line)
    {
        var restock = line.Text("restockType");
        return new CommerceRefundLine
        {
            LineId = line.RequiredObject("lineItem").RequiredGidId("id", "LineItem"),
            Quantity = line.RequiredInteger("quantity"),
            Subtotal = line.RequiredShopMoney("subtotalSet"),
            Tax = line.RequiredShopMoney("totalTaxSet"),
            Restock = restock is null ? null : new StoreCode<CommerceRestockType>(ShopifyRefundMapper.RestockOf(ShopifyGraphQlFields.RestCode(restock)!), restock),
            LocationId = line.Object("location")?.GidId("id", "Location"),
        };
    }

    private static CommerceFulfilment Fulfilment(PayloadNode fulfilment, string orderId)
    {
        var status = fulfilment.Text("status");
        var tracking = fulfilment.Objects("trackingInfo");
        return new CommerceFulfilment
        {
            Id = fulfilment.RequiredGidId("id", "Fulfillment"),
            OrderId = orderId,
            Status = new(ShopifyFulfilmentMapper.StateOf(ShopifyGraphQlFields.RestCode(status)), status),
            CreatedAt = fulfilment.Time("createdAt"),
            Lines = fulfilment.Nodes("fulfillmentLineItems")
                .Select(line => new CommerceFulfilmentLine(line.RequiredObject("lineItem").RequiredGidId("id", "LineItem"), line.RequiredInteger("quantity")))
                .ToList(),
            TrackingCompany = tracking.Select(info => info.Text("company")).FirstOrDefault(company => company is not null),
            TrackingNumbers = tracking.Select(info => info.Text("number")).OfType<string>().ToList(),
            TrackingUrls = tracking.Select(info => info.Text("url")).OfType<string>().ToList(),
        };
    }

    private static CommerceFulfilmentStatus FulfilmentStatusOf(string? status) => status switch
    {
        "UNFULFILLED" => CommerceFulfilmentStatus.Unfulfilled,
        "PARTIALLY_FULFILLED" => CommerceFulfilmentStatus.PartiallyFulfilled,
        "FULFILLED" => CommerceFulfilmentStatus.Fulfilled,
        _ => CommerceFulfilmentStatus.Other,
    };
}
