using System.Net;
using System.Text.Json.Nodes;
using Portal.Sync.Odoo;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// An Odoo template as a store product draft: its variants with SKU, barcode, weight and price, and its options
/// from the variants' template attribute values (product_template_attribute_value_ids; only attributes that create
/// variants appear there). An archived template brings its archived variants, to be shown as drafts.
/// </summary>
public sealed class OdooTemplateReader(OdooClient odoo, PricelistPrices prices)
{
    private static readonly JsonArray EitherActive = [true, false];

    /// <summary>The draft, with no store ids yet; null when the template no longer exists.</summary>
    public async Task<StoreProductDraft?> ReadAsync(long templateId, long? pricelistId, bool withDescription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var templates = await odoo.SearchReadAsync("product.template",
            OdooDomain.Where("id", "=", templateId).And(OdooDomain.Where("active", "in", EitherActive.DeepClone())), ["name", "active", "description_sale"], cancellationToken: cancellationToken);
        if (templates.FirstOrDefault() is not JsonObject template)
        {
            return null;
        }

        var active = template["active"]?.GetValue<bool>() ?? true;
        var variantDomain = OdooDomain.Where("product_tmpl_id", "=", templateId);
        var variants = (await odoo.SearchReadAsync("product.product",
                active ? variantDomain : variantDomain.And(OdooDomain.Where("active", "in", EitherActive.DeepClone())),
                ["default_code", "barcode", "lst_price", "weight", "product_template_attribute_value_ids"], order: "id", cancellationToken: cancellationToken))
            .OfType<JsonObject>().ToList();
        List<long> valueIds = [.. variants.SelectMany(v => v.Ids("product_template_attribute_value_ids")).Distinct()];
        var values = (valueIds.Count == 0 ? [] : await odoo.ReadAsync("product.template.attribute.value", valueIds, ["name", "attribute_id", "attribute_line_id"], cancellationToken))
            .OfType<JsonObject>()
            .OrderBy(v => v.ManyToOneId("attribute_line_id")).ThenBy(v => v.Id())
            .ToDictionary(v => v.Id());
        var options = values.Values
            .GroupBy(v => v.ManyToOneId("attribute_id"))
            .Select(g => (AttributeId: g.Key, Option: new StoreProductOption(g.First().ManyToOneName("attribute_id") ?? "Option", [.. g.Select(v => v.Text("name") ?? "").Distinct()])))
            .ToList();
        var priced = await prices.PricesAsync(pricelistId, templateId, [.. variants.Select(v => (v.Id(), v.Number("lst_price")))], now, cancellationToken);
        var drafts = variants.Select(v =>
        {
            var own = v.Ids("product_template_attribute_value_ids").Where(values.ContainsKey).Select(id => values[id]).ToList();
            IReadOnlyList<string> optionValues = [.. options.Select(o => own.FirstOrDefault(value => value.ManyToOneId("attribute_id") == o.AttributeId)?.Text("name") ?? "")];
            return new StoreVariantDraft(v.Id(), v.Text("default_code"), v.Text("barcode"), priced[v.Id()], v.Number("weight"), optionValues, null);
        }).ToList();
        var description = withDescription && template.Text("description_sale") is { } text
            ? string.Join("", text.Split('\n').Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>"))
            : null;
        return new StoreProductDraft(template.Text("name") ?? $"Product {templateId}", active, withDescription ? description ?? "" : null, [.. options.Select(o => o.Option)], drafts);
    }
}
