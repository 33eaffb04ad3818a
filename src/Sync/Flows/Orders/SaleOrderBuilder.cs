using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Flows.Customers;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Orders;

/// <summary>
/// Builds the sale order a store order becomes. Every line carries the store's own price and the Odoo taxes
/// mapped from the store's tax lines — an empty tax list stays empty rather than taking the product's default
/// taxes — so Odoo computes the totals the store charged. Discounts are a negative line of the discount
/// product per discount and tax set, or a percentage on each line; shipping, tips, duties and fees are lines
/// of their configured products.
/// </summary>
public sealed class SaleOrderBuilder(StoreOrderSetup setup, OdooClient odoo, OdooReferences references, OdooVersionProfile profile)
{
    public async Task<SaleOrderDraft> BuildAsync(CommerceOrder order, OrderParties parties, IReadOnlyDictionary<string, long> products, CancellationToken cancellationToken)
    {
        var settings = setup.Settings;
        var taxes = new TaxResolver(setup, order.PricesIncludeTax, MappingLookup.OrderCountry(order));
        var orderLevelTaxes = OrderLevelTaxes(order);
        var lines = new List<SaleLineDraft>();
        var discounts = new List<(string Label, IReadOnlyList<long> Taxes, decimal Amount)>();

        foreach (var line in order.Lines)
        {
            var lineTaxes = orderLevelTaxes ?? taxes.Resolve(line.Taxes);
            var values = Line(products[line.Id], line.Title, line.Quantity, line.UnitPrice, lineTaxes);
            var discounted = line.Discounts.Sum(d => d.Amount);
            if (discounted != 0m)
            {
                if (settings.DiscountMode == DiscountMode.LineDiscount)
                {
                    values["discount"] = (double)Math.Round(discounted / (line.UnitPrice * line.Quantity) * 100m, 2, MidpointRounding.AwayFromZero);
                }
                else
                {
                    discounts.AddRange(line.Discounts.Select(d => (DiscountLabel(d), lineTaxes, d.Amount)));
                }
            }

            lines.Add(new SaleLineDraft($"{order.Id}/{line.Id}", values));
        }

        foreach (var group in discounts.GroupBy(d => (d.Label, Taxes: string.Join(",", d.Taxes.Order()))))
        {
            var product = settings.DiscountProductId
                          ?? throw new JobConfigurationException($"Order {order.Name} has a discount ({group.Key.Label}), but no discount product is chosen.", setup.SettingsPath);
            lines.Add(new SaleLineDraft($"{order.Id}/discount/{group.Key.Label}/{group.Key.Taxes}",
                Line(product, $"Discount: {group.Key.Label}", 1, -group.Sum(d => d.Amount), group.First().Taxes)));
        }

        long? carrierId = null;
        for (var index = 0; index < order.ShippingLines.Count; index++)
        {
            var shipping = order.ShippingLines[index];
            var (product, carrier) = await ShippingProductAsync(order, shipping, cancellationToken);
            carrierId ??= carrier;
            var price = shipping.Price - shipping.Discounts.Sum(d => d.Amount);
            var values = Line(product, shipping.Title, 1, price, orderLevelTaxes ?? taxes.Resolve(shipping.Taxes));
            values["is_delivery"] = true;
            lines.Add(new SaleLineDraft($"{order.Id}/shipping/{shipping.Id ?? index.ToString(CultureInfo.InvariantCulture)}", values));
        }

        if (order.Totals.Tips != 0m)
        {
            var product = settings.TipProductId ?? throw new JobConfigurationException($"Order {order.Name} has a tip, but no tip product is chosen.", setup.SettingsPath);
            lines.Add(new SaleLineDraft($"{order.Id}/tip", Line(product, "Tip", 1, order.Totals.Tips, [])));
        }

        foreach (var duty in order.Lines.SelectMany(l => l.Duties.Select(d => (Line: l, Duty: d))))
        {
            var product = settings.DutyProductId ?? throw new JobConfigurationException($"Order {order.Name} has import duties, but no duty product is chosen.", setup.SettingsPath);

            // Duties' taxes are never inside the duty, whatever the order's prices do.
            var dutyTaxes = new TaxResolver(setup, false, MappingLookup.OrderCountry(order)).Resolve(duty.Duty.Taxes);
            lines.Add(new SaleLineDraft($"{order.Id}/duty/{duty.Duty.Id}", Line(product, $"Duties: {duty.Line.Title}", 1, duty.Duty.Amount, dutyTaxes)));
        }

        foreach (var fee in order.Fees)
        {
            var product = settings.FeeProductId ?? throw new JobConfigurationException($"Order {order.Name} has a fee ({fee.Name}), but no fee product is chosen.", setup.SettingsPath);
            lines.Add(new SaleLineDraft($"{order.Id}/fee/{fee.Id}", Line(product, fee.Name, 1, fee.Amount, orderLevelTaxes ?? taxes.Resolve(fee.Taxes))));
        }

        for (var index = 0; index < lines.Count; index++)
        {
            lines[index].Values["sequence"] = (index + 1) * 10;
        }

        var header = Header(order, parties, carrierId);
        return new SaleOrderDraft(header, lines, Fingerprint(header, lines));
    }

    /// <summary>Older Shopify orders carry taxes only on the order; their lines then take the store's default tax.</summary>
    private IReadOnlyList<long>? OrderLevelTaxes(CommerceOrder order)
    {
        if (MappingLookup.TaxedPerLine(order) || order.Totals.Tax == 0m)
        {
            return null;
        }

        return setup.Settings.DefaultTaxId is { } tax
            ? [tax]
            : throw new JobConfigurationException($"Order {order.Name} reports its taxes only for the whole order; choose a default tax for such orders.", setup.SettingsPath);
    }

    private async Task<(long Product, long? Carrier)> ShippingProductAsync(CommerceOrder order, CommerceShippingLine shipping, CancellationToken cancellationToken)
    {
        var method = MappingLookup.ShippingMethod(shipping);
        var mapping = MappingLookup.Shipping(setup.Shipping, shipping);
        if (mapping?.OdooCarrierId is { } carrier)
        {
            var product = await references.CarrierProductAsync(odoo, carrier, cancellationToken)
                          ?? throw new JobConfigurationException($"The Odoo carrier mapped to shipping '{shipping.Title}' has no delivery product.", setup.FixPath("mappings/shipping"));
            return (product, carrier);
        }

        if ((mapping?.OdooProductId ?? setup.Settings.ShippingProductId) is { } fallback)
        {
            return (fallback, null);
        }

        throw new JobConfigurationException(
            $"No shipping mapping for '{shipping.Title}' ({method}) in order {order.Name}, and no default shipping product.",
            setup.FixPath($"mappings/shipping?method={Uri.EscapeDataString(method)}"));
    }

    private JsonObject Line(long product, string name, int quantity, decimal price, IReadOnlyList<long> taxes) => new()
    {
        ["product_id"] = product,
        ["name"] = name,
        ["product_uom_qty"] = quantity,
        ["price_unit"] = (double)price,
        ["discount"] = 0.0,
        [profile.SaleLineTaxesField] = new JsonArray(new JsonArray(6, 0, new JsonArray(taxes.Select(t => JsonValue.Create(t)).ToArray<JsonNode?>()))),
    };

    private JsonObject Header(CommerceOrder order, OrderParties parties, long? carrierId)
    {
        var settings = setup.Settings;
        var header = new JsonObject
        {
            ["partner_id"] = parties.CustomerId,
            ["partner_invoice_id"] = parties.InvoiceAddressId,
            ["partner_shipping_id"] = parties.ShippingAddressId,
            ["client_order_ref"] = order.Name,
            ["origin"] = setup.Origin(order.Id),
            ["date_order"] = order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };
        Put(header, "company_id", settings.CompanyId);
        Put(header, "warehouse_id", setup.OrderWarehouseId);
        Put(header, "pricelist_id", settings.PricelistId);
        Put(header, "team_id", settings.SalesTeamId);
        Put(header, "fiscal_position_id", settings.FiscalPositionId);
        Put(header, "carrier_id", carrierId);
        return header;
    }

    private static void Put(JsonObject values, string field, long? id)
    {
        if (id is { } value)
        {
            values[field] = value;
        }
    }

    private static string DiscountLabel(CommerceDiscountAllocation discount) => discount.Code ?? discount.Title ?? "discount";

    private static string Fingerprint(JsonObject header, IReadOnlyList<SaleLineDraft> lines)
    {
        var text = header.ToJsonString() + string.Concat(lines.Select(l => l.StoreKey + l.Values.ToJsonString()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
