using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// Variant prices from a pricelist. Odoo 17 to 19 have no public method for them (product.pricelist's
/// _get_products_price and _get_product_price are private, so external calls are refused), so the simple rules are
/// read and applied as Odoo would at quantity 1: a fixed price or a percentage off the sales price, for the variant,
/// its template or every product, valid now; the variant rule wins over the template's over the global one. Other
/// rules (formulas, categories, prices based on another pricelist) are not followed: those variants keep their sales price.
/// </summary>
public sealed class PricelistPrices(OdooClient odoo)
{
    private static readonly string[] Fields = ["applied_on", "compute_price", "base", "fixed_price", "percent_price", "product_tmpl_id", "product_id", "min_quantity", "date_start", "date_end"];

    /// <summary>The price of each variant (id, sales price) of the template; the sales price without a pricelist.</summary>
    public async Task<IReadOnlyDictionary<long, decimal>> PricesAsync(
        long? pricelistId, long templateId, IReadOnlyList<(long Id, decimal SalesPrice)> variants, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pricelistId is not { } pricelist)
        {
            return variants.ToDictionary(v => v.Id, v => v.SalesPrice);
        }

        var rules = (await odoo.SearchReadAsync("product.pricelist.item", OdooDomain.Where("pricelist_id", "=", pricelist), Fields, order: "id desc", cancellationToken: cancellationToken))
            .OfType<JsonObject>()
            .Where(r => r.Number("min_quantity") <= 1 && Valid(r, now))
            .ToList();
        return variants.ToDictionary(v => v.Id, v => Price(rules, templateId, v.Id, v.SalesPrice));
    }

    private static decimal Price(IReadOnlyList<JsonObject> rules, long templateId, long variantId, decimal salesPrice)
    {
        var rule = rules.FirstOrDefault(r => r.Text("applied_on") == "0_product_variant" && r.ManyToOneId("product_id") == variantId)
                   ?? rules.FirstOrDefault(r => r.Text("applied_on") == "1_product" && r.ManyToOneId("product_tmpl_id") == templateId)
                   ?? rules.FirstOrDefault(r => r.Text("applied_on") == "3_global");
        return rule?.Text("compute_price") switch
        {
            "fixed" => rule.Number("fixed_price"),
            "percentage" when rule.Text("base") is null or "list_price" => Math.Round(salesPrice * (1 - rule.Number("percent_price") / 100m), 2),
            _ => salesPrice,
        };
    }

    private static bool Valid(JsonObject rule, DateTimeOffset now) =>
        (Time(rule, "date_start") is not { } start || start <= now) && (Time(rule, "date_end") is not { } end || end >= now);

    private static DateTimeOffset? Time(JsonObject rule, string field) =>
        rule.Text(field) is { } text && DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
}
