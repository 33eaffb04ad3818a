using System.Text.Json.Nodes;
using Portal.Fakes.Orders;

namespace Portal.Fakes.Shopify;

/// <summary>
/// A <see cref="FakeShopifyPlacedOrder"/> as the Admin GraphQL Order object (2026-10), with every field the
/// connector's Order and Refund documents select: amounts as strings in MoneyBags, enums in upper case, gids,
/// connections as plain lists the fake pages, each object with its <c>__typename</c> for inline fragments.
/// </summary>
public static class FakeShopifyOrderGraphQl
{
    public static JsonObject Render(FakeShopifyPlacedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var spec = order.Spec;
        var currency = spec.Currency;
        JsonObject Money(decimal amount) => FakeShopifyOrder.Money(amount, currency);
        var hasDiscount = FakeOrderMath.Discounts(spec) > 0;
        return new JsonObject
        {
            ["__typename"] = "Order",
            ["id"] = Gid("Order", order.Id),
            ["legacyResourceId"] = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = order.Name,
            ["number"] = order.Number,
            ["createdAt"] = FakeShopifyOrder.Time(order.CreatedAt),
            ["updatedAt"] = FakeShopifyOrder.Time(order.UpdatedAt),
            ["processedAt"] = FakeShopifyOrder.Time(order.CreatedAt),
            ["currencyCode"] = currency,
            ["taxesIncluded"] = spec.PricesIncludeTax,
            ["displayFinancialStatus"] = order.FinancialStatus,
            ["displayFulfillmentStatus"] = order.DisplayFulfillmentStatus,
            ["email"] = spec.Email,
            ["phone"] = spec.Phone,
            ["cancelledAt"] = order.CancelledAt is { } cancelledAt ? FakeShopifyOrder.Time(cancelledAt) : null,
            ["cancelReason"] = order.CancelReason,
            ["paymentGatewayNames"] = new JsonArray(spec.Gateway),
            ["customer"] = spec.CustomerId is { } customerId ? Customer(spec, customerId) : null,
            ["billingAddress"] = Address(spec, spec.BillingAddress),
            ["shippingAddress"] = Address(spec, spec.ShippingAddress),
            ["totalDiscountsSet"] = Money(FakeOrderMath.Discounts(spec)),
            ["totalTaxSet"] = Money(FakeOrderMath.Tax(spec)),
            ["totalTipReceivedSet"] = Money(spec.Tip),
            ["originalTotalDutiesSet"] = spec.Duties.Count > 0 ? Money(spec.Duties.Sum(duty => duty.Amount)) : null,
            ["originalTotalAdditionalFeesSet"] = null,
            ["totalPriceSet"] = Money(spec.Total),
            ["totalRefundedSet"] = Money(order.Refunded),
            ["taxLines"] = new JsonArray(order.TaxSummary().Select(tax => (JsonNode)TaxLine(tax.Tax, tax.Amount, currency)).ToArray()),
            ["discountApplications"] = hasDiscount ? new JsonArray(DiscountApplication(spec)) : new JsonArray(),
            ["lineItems"] = new JsonArray(spec.Lines.Select((line, index) => (JsonNode)Line(order, index)).ToArray()),
            ["shippingLines"] = spec.Shipping is { } shipping ? new JsonArray(ShippingLine(order, shipping)) : new JsonArray(),
            ["transactions"] = new JsonArray(order.Transactions.Select(transaction => (JsonNode)Transaction(transaction, currency)).ToArray()),
            ["refunds"] = new JsonArray(order.Refunds.Select(refund => (JsonNode)Refund(order, refund)).ToArray()),
            ["fulfillmentOrders"] = new JsonArray(FulfillmentOrder(order)),
            ["fulfillments"] = new JsonArray(order.Fulfilments.Select(fulfilment => (JsonNode)Fulfillment(order, fulfilment)).ToArray()),
        };
    }

    private static JsonObject FulfillmentOrder(FakeShopifyPlacedOrder order) => new()
    {
        ["__typename"] = "FulfillmentOrder",
        ["id"] = Gid("FulfillmentOrder", order.FulfillmentOrderId),
        ["status"] = order.FulfillmentOrderStatus,
        ["assignedLocation"] = new JsonObject { ["__typename"] = "FulfillmentOrderAssignedLocation", ["location"] = new JsonObject { ["__typename"] = "Location", ["id"] = Gid("Location", FakeShopifyPlacedOrder.LocationId) } },
        ["lineItems"] = new JsonArray(order.Spec.Lines.Select((line, index) => (JsonNode)new JsonObject
        {
            ["__typename"] = "FulfillmentOrderLineItem",
            ["id"] = Gid("FulfillmentOrderLineItem", order.FulfillmentOrderLineIds[index]),
            ["totalQuantity"] = line.Quantity,
            ["remainingQuantity"] = order.UnfulfilledQuantity(index),
            ["sku"] = line.Sku,
            ["lineItem"] = new JsonObject { ["__typename"] = "LineItem", ["id"] = Gid("LineItem", order.LineIds[index]) },
        }).ToArray()),
    };

    private static JsonObject Fulfillment(FakeShopifyPlacedOrder order, FakeShopifyFulfilment fulfilment) => new()
    {
        ["__typename"] = "Fulfillment",
        ["id"] = Gid("Fulfillment", fulfilment.Id),
        ["status"] = "SUCCESS",
        ["createdAt"] = FakeShopifyOrder.Time(fulfilment.CreatedAt),
        ["trackingInfo"] = fulfilment.TrackingNumber is null && fulfilment.TrackingCompany is null ? new JsonArray() : new JsonArray(new JsonObject
        {
            ["company"] = fulfilment.TrackingCompany,
            ["number"] = fulfilment.TrackingNumber,
            ["url"] = fulfilment.TrackingUrl,
        }),
        ["fulfillmentLineItems"] = new JsonArray(fulfilment.Lines.Select(line => (JsonNode)new JsonObject
        {
            ["__typename"] = "FulfillmentLineItem",
            ["quantity"] = line.Quantity,
            ["lineItem"] = new JsonObject { ["__typename"] = "LineItem", ["id"] = Gid("LineItem", order.LineIds[line.LineIndex]) },
        }).ToArray()),
    };

    public static string Gid(string type, long id) => $"gid://shopify/{type}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static JsonObject Line(FakeShopifyPlacedOrder order, int index)
    {
        var spec = order.Spec;
        var line = spec.Lines[index];
        var currency = spec.Currency;
        var (productId, variantId) = order.Products[index];
        var duties = spec.Duties.Select((duty, dutyIndex) => (duty, dutyIndex)).Where(entry => entry.duty.LineIndex == index).ToList();
        return new JsonObject
        {
            ["__typename"] = "LineItem",
            ["id"] = Gid("LineItem", order.LineIds[index]),
            ["name"] = line.Title,
            ["title"] = line.Title,
            ["sku"] = line.Sku,
            ["quantity"] = line.Quantity,
            ["requiresShipping"] = true,
            ["unfulfilledQuantity"] = order.UnfulfilledQuantity(index),
            ["variant"] = new JsonObject { ["__typename"] = "ProductVariant", ["id"] = Gid("ProductVariant", variantId) },
            ["product"] = new JsonObject { ["__typename"] = "Product", ["id"] = Gid("Product", productId) },
            ["originalUnitPriceSet"] = FakeShopifyOrder.Money(line.UnitPrice, currency),
            ["originalTotalSet"] = FakeShopifyOrder.Money(line.UnitPrice * line.Quantity, currency),
            ["taxLines"] = TaxLines(line.Taxes, FakeOrderMath.LineTaxes(spec, line), currency),
            ["discountAllocations"] = Allocations(spec, line.Discount),
            ["duties"] = new JsonArray(duties.Select(entry => (JsonNode)new JsonObject
            {
                ["__typename"] = "Duty",
                ["id"] = Gid("Duty", order.DutyIds[entry.dutyIndex]),
                ["harmonizedSystemCode"] = FakeShopifyPlacedOrder.DutyHarmonizedSystemCode,
                ["countryCodeOfOrigin"] = FakeShopifyPlacedOrder.DutyCountryOfOrigin,
                ["price"] = FakeShopifyOrder.Money(entry.duty.Amount, currency),
                ["taxLines"] = TaxLines(entry.duty.Taxes, FakeOrderMath.DutyTaxes(entry.duty), currency),
            }).ToArray()),
        };
    }

    private static JsonObject ShippingLine(FakeShopifyPlacedOrder order, FakeShippingSpec shipping) => new()
    {
        ["__typename"] = "ShippingLine",
        ["id"] = Gid("ShippingLine", order.ShippingLineId),
        ["title"] = shipping.Title,
        ["code"] = shipping.Code,
        ["source"] = "shopify",
        ["originalPriceSet"] = FakeShopifyOrder.Money(shipping.Price, order.Spec.Currency),
        ["discountedPriceSet"] = FakeShopifyOrder.Money(shipping.Price - shipping.Discount, order.Spec.Currency),
        ["taxLines"] = TaxLines(shipping.Taxes, FakeOrderMath.ShippingTaxes(order.Spec), order.Spec.Currency),
        ["discountAllocations"] = Allocations(order.Spec, shipping.Discount),
    };

    /// <summary>The spec's one discount, index 0: its code when it has one, else a discount the merchant gave by hand.</summary>
    private static JsonObject DiscountApplication(FakeOrderSpec spec)
    {
        var application = new JsonObject { ["__typename"] = DiscountTypeName(spec), ["index"] = 0, ["allocationMethod"] = "ACROSS", ["targetType"] = "LINE_ITEM" };
        if (spec.DiscountCode is { } code)
        {
            application["code"] = code;
        }
        else
        {
            application["title"] = FakeShopifyOrderRest.ManualDiscountTitle;
        }

        return application;
    }

    private static string DiscountTypeName(FakeOrderSpec spec) => spec.DiscountCode is null ? "ManualDiscountApplication" : "DiscountCodeApplication";

    private static JsonArray Allocations(FakeOrderSpec spec, decimal discount) => discount > 0
        ? new JsonArray(new JsonObject
        {
            ["__typename"] = "DiscountAllocation",
            ["allocatedAmountSet"] = FakeShopifyOrder.Money(discount, spec.Currency),
            ["discountApplication"] = new JsonObject { ["__typename"] = DiscountTypeName(spec), ["index"] = 0 },
        })
        : new JsonArray();

    private static JsonArray TaxLines(IReadOnlyList<FakeTaxSpec> taxes, IReadOnlyList<decimal> amounts, string currency) =>
        new(taxes.Zip(amounts).Select(tax => (JsonNode)TaxLine(tax.First, tax.Second, currency)).ToArray());

    private static JsonObject TaxLine(FakeTaxSpec tax, decimal amount, string currency) => new()
    {
        ["__typename"] = "TaxLine",
        ["title"] = tax.Title,
        ["rate"] = (double)tax.Rate,
        ["ratePercentage"] = (double)(tax.Rate * 100),
        ["priceSet"] = FakeShopifyOrder.Money(amount, currency),
    };

    private static JsonObject Transaction(FakeShopifyTransaction transaction, string currency) => new()
    {
        ["__typename"] = "OrderTransaction",
        ["id"] = Gid("OrderTransaction", transaction.Id),
        ["gateway"] = transaction.Gateway,
        ["kind"] = transaction.Kind,
        ["status"] = transaction.Status,
        ["processedAt"] = FakeShopifyOrder.Time(transaction.ProcessedAt),
        ["createdAt"] = FakeShopifyOrder.Time(transaction.ProcessedAt),
        ["amountSet"] = FakeShopifyOrder.Money(transaction.Amount, currency),
    };

    private static JsonObject Refund(FakeShopifyPlacedOrder order, FakeShopifyPlacedRefund refund)
    {
        var currency = order.Spec.Currency;
        return new JsonObject
        {
            ["__typename"] = "Refund",
            ["id"] = Gid("Refund", refund.Id),
            ["createdAt"] = FakeShopifyOrder.Time(refund.CreatedAt),
            ["processedAt"] = FakeShopifyOrder.Time(refund.CreatedAt),
            ["updatedAt"] = FakeShopifyOrder.Time(refund.CreatedAt),
            ["note"] = refund.Spec.Note,
            ["totalRefundedSet"] = FakeShopifyOrder.Money(refund.Amount, currency),
            ["refundLineItems"] = new JsonArray(refund.Spec.Lines.Select((line, index) =>
            {
                var (subtotal, tax) = order.RefundLineAmounts(line);
                return (JsonNode)new JsonObject
                {
                    ["__typename"] = "RefundLineItem",
                    ["id"] = Gid("RefundLineItem", refund.LineIds[index]),
                    ["quantity"] = line.Quantity,
                    ["restockType"] = line.Restock ? "RETURN" : "NO_RESTOCK",
                    ["restocked"] = line.Restock,
                    ["lineItem"] = new JsonObject { ["__typename"] = "LineItem", ["id"] = Gid("LineItem", order.LineIds[line.LineIndex]) },
                    ["location"] = line.Restock ? new JsonObject { ["__typename"] = "Location", ["id"] = Gid("Location", FakeShopifyPlacedOrder.LocationId) } : null,
                    ["priceSet"] = FakeShopifyOrder.Money(order.Spec.Lines[line.LineIndex].UnitPrice, currency),
                    ["subtotalSet"] = FakeShopifyOrder.Money(subtotal, currency),
                    ["totalTaxSet"] = FakeShopifyOrder.Money(tax, currency),
                };
            }).ToArray()),
            ["refundShippingLines"] = refund.ShippingLineId is { } shippingLineId
                ? new JsonArray(new JsonObject
                {
                    ["__typename"] = "RefundShippingLine",
                    ["id"] = Gid("RefundShippingLine", shippingLineId),
                    ["shippingLine"] = new JsonObject { ["__typename"] = "ShippingLine", ["id"] = Gid("ShippingLine", order.ShippingLineId) },
                    ["subtotalAmountSet"] = FakeShopifyOrder.Money(refund.Spec.Shipping, currency),
                    ["taxAmountSet"] = FakeShopifyOrder.Money(order.RefundShippingTax(refund.Spec), currency),
                })
                : new JsonArray(),
            ["orderAdjustments"] = new JsonArray(),
            ["transactions"] = new JsonArray(Transaction(refund.Transaction, currency)),
        };
    }

    private static JsonObject Customer(FakeOrderSpec spec, string customerId) => new()
    {
        ["__typename"] = "Customer",
        ["id"] = $"gid://shopify/Customer/{customerId}",
        ["firstName"] = spec.FirstName,
        ["lastName"] = spec.LastName,
        ["defaultEmailAddress"] = new JsonObject { ["__typename"] = "CustomerEmailAddress", ["emailAddress"] = spec.Email },
        ["defaultPhoneNumber"] = spec.Phone is { } phone ? new JsonObject { ["__typename"] = "CustomerPhoneNumber", ["phoneNumber"] = phone } : null,
        ["defaultAddress"] = Address(spec, spec.BillingAddress),
    };

    private static JsonObject Address(FakeOrderSpec spec, FakeAddressSpec address) => new()
    {
        ["__typename"] = "MailingAddress",
        ["name"] = $"{spec.FirstName} {spec.LastName}",
        ["firstName"] = spec.FirstName,
        ["lastName"] = spec.LastName,
        ["company"] = spec.Company,
        ["address1"] = address.Line1,
        ["address2"] = null,
        ["city"] = address.City,
        ["provinceCode"] = address.ProvinceCode is { Length: > 0 } province ? province : null,
        ["zip"] = address.Zip,
        ["countryCodeV2"] = address.CountryCode,
        ["phone"] = spec.Phone,
    };
}
