using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>Variants of a template with attribute lines, made as Odoo makes them when the template is created.</summary>
public sealed partial class FakeOdooService
{
    /// <summary>
    /// One template attribute value per value of each line, and one variant per combination of them (every attribute
    /// creating variants, as "always" does); false when the template has no attribute lines.
    /// </summary>
    private bool CreateVariantsFromAttributeLines(long templateId)
    {
        var lines = db.Where("product.template.attribute.line", "product_tmpl_id", templateId).Order().ToList();
        if (lines.Count == 0)
        {
            return false;
        }

        var template = db.Raw("product.template", templateId);
        List<List<long>> combinations = [[]];
        foreach (var line in lines)
        {
            var row = db.Raw("product.template.attribute.line", line);
            var values = row["value_ids"]?.AsArray().Select(v => Id(v)!.Value).ToList() ?? [];
            var templateValues = values.Select(value => db.Create("product.template.attribute.value", new JsonObject
            {
                ["name"] = db.Raw("product.attribute.value", value)["name"]?.DeepClone(),
                ["product_tmpl_id"] = templateId,
                ["attribute_line_id"] = line,
                ["attribute_id"] = row["attribute_id"]?.DeepClone(),
                ["product_attribute_value_id"] = value,
                ["price_extra"] = 0.0,
                ["ptav_active"] = true,
            })).ToList();
            combinations = [.. combinations.SelectMany(combination => templateValues.Select(value => (List<long>)[.. combination, value]))];
        }

        foreach (var combination in combinations)
        {
            var variant = new JsonObject
            {
                ["product_tmpl_id"] = templateId,
                ["name"] = template["name"]?.DeepClone(),
                ["lst_price"] = template["list_price"]?.DeepClone() ?? 0,
                ["weight"] = template["weight"]?.DeepClone() ?? 0,
                ["active"] = template["active"]?.DeepClone() ?? true,
                ["product_template_attribute_value_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray([.. combination.Select(id => (JsonNode)id)]))),
            };
            foreach (var field in SharedProductFields.Where(f => f is not ("default_code" or "barcode") && template[f] is not null))
            {
                variant[field] = template[field]!.DeepClone();
            }

            db.Create("product.product", variant);
        }

        return true;
    }
}
