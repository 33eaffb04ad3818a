using System.Text.Json.Nodes;
using Portal.Sync.Odoo;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>Odoo templates with attributes and pricelists made through the API, so they work on the fake and on a real Odoo alike.</summary>
internal static class OdooProductSeed
{
    /// <summary>A template "Tee" with a Size attribute (S, M): two variants with their own SKU and barcode. Returns the template and variant ids (S, M).</summary>
    public static async Task<(long Template, long Small, long Medium)> SizedTemplateAsync(FlowOdoo odoo, decimal price = 20m, decimal weight = 0.25m)
    {
        var client = odoo.Client;
        var size = (await client.CreateAsync("product.attribute", [new JsonObject { ["name"] = odoo.Unique("Size"), ["create_variant"] = "always" }]))[0];
        var values = await client.CreateAsync("product.attribute.value",
            [new JsonObject { ["name"] = "S", ["attribute_id"] = size }, new JsonObject { ["name"] = "M", ["attribute_id"] = size }]);
        var template = odoo.Profile.StorableProduct();
        template["name"] = odoo.Unique("Tee");
        template["list_price"] = price;
        template["weight"] = weight;
        template["attribute_line_ids"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["attribute_id"] = size, ["value_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(values[0], values[1]))) }));
        var templateId = (await client.CreateAsync("product.template", [template]))[0];
        var variants = await client.SearchReadAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", templateId), ["product_template_attribute_value_ids"], order: "id");
        var ptavs = await client.SearchReadAsync("product.template.attribute.value", OdooDomain.Where("product_tmpl_id", "=", templateId), ["product_attribute_value_id"]);
        long VariantOf(long value)
        {
            var ptav = ptavs.Single(p => p!.ManyToOneId("product_attribute_value_id") == value)!.Id();
            return variants.Single(v => v!.Ids("product_template_attribute_value_ids").Contains(ptav))!.Id();
        }

        var (small, medium) = (VariantOf(values[0]), VariantOf(values[1]));
        await client.WriteAsync("product.product", [small], new JsonObject { ["default_code"] = odoo.Sku("tee-s"), ["barcode"] = odoo.Sku("bar-tee-s") });
        await client.WriteAsync("product.product", [medium], new JsonObject { ["default_code"] = odoo.Sku("tee-m"), ["barcode"] = odoo.Sku("bar-tee-m") });
        return (templateId, small, medium);
    }

    /// <summary>A pricelist with a fixed price for the template and another for one of its variants.</summary>
    public static async Task<long> PricelistAsync(FlowOdoo odoo, long template, decimal templatePrice, long variant, decimal variantPrice)
    {
        var pricelist = (await odoo.Client.CreateAsync("product.pricelist", [new JsonObject { ["name"] = odoo.Unique("Store prices") }]))[0];
        await odoo.Client.CreateAsync("product.pricelist.item",
        [
            new JsonObject { ["pricelist_id"] = pricelist, ["applied_on"] = "1_product", ["product_tmpl_id"] = template, ["compute_price"] = "fixed", ["fixed_price"] = templatePrice },
            new JsonObject { ["pricelist_id"] = pricelist, ["applied_on"] = "0_product_variant", ["product_id"] = variant, ["compute_price"] = "fixed", ["fixed_price"] = variantPrice },
        ]);
        return pricelist;
    }
}
