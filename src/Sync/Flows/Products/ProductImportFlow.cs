using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// A store product (products/create|update webhooks) into Odoo, for a store whose products go from the store to
/// Odoo. The template is found by the product's link, a variant's link, or an active Odoo product with a variant's
/// SKU or barcode, so nothing is made twice; otherwise it is created, with one attribute line per store option so
/// Odoo makes the variants. An existing template gets the store's name, and its linked variants their SKU, barcode
/// and (for a product without options) the price; options added later in the store are not added in Odoo.
/// </summary>
public sealed class ProductImportFlow(PortalDbContextActivator activator, StoreClients stores, TenantOdoo tenants) : IJobHandler
{
    /// <summary>The flow the webhook dialects route products/create|update and product.created|updated to.</summary>
    public const string Name = "products.sync";

    public string Flow => Name;

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId && s.RemovedAt == null, cancellationToken) is not
                { ProductDirection: ProductDirection.StoreToOdoo } store
            || await stores.For(store).Catalogue.ProductAsync(StoreJobPayload.ResourceId(job.Payload), cancellationToken) is not { } product)
        {
            return;
        }

        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var keys = product.Variants.Select(v => v.Id).Append(product.Id).ToList();
        var links = await db.RecordLinks.AsNoTracking().Where(l => l.StoreId == store.Id && keys.Contains(l.StoreKey)).ToListAsync(cancellationToken);
        var variantLinks = links.Where(l => l.Kind == RecordLinkKind.Variant).ToDictionary(l => l.StoreKey, l => l.OdooId);
        var template = links.FirstOrDefault(l => l.Kind == RecordLinkKind.Product)?.OdooId ?? await ExistingTemplateAsync(odoo, product, variantLinks, cancellationToken);
        var variants = template is { } existing
            ? await UpdateAsync(odoo, existing, product, variantLinks, cancellationToken)
            : await CreateAsync(odoo, product, cancellationToken);
        job.Effects.Link(RecordLinkKind.Product, product.Id, ProductExportFlow.TemplateModel, variants.Template);
        foreach (var (variantId, odooId) in variants.Variants)
        {
            job.Effects.Link(RecordLinkKind.Variant, variantId, ProductLinks.OdooModel, odooId);
        }
    }

    private static async Task<long?> ExistingTemplateAsync(OdooClient odoo, StoreProduct product, Dictionary<string, long> variantLinks, CancellationToken cancellationToken)
    {
        var lookup = new OdooProductLookup(odoo);
        var bySku = await lookup.ByAsync(OdooProductLookup.SkuField, product.Variants.Select(v => v.Sku), cancellationToken);
        var byBarcode = await lookup.ByAsync(OdooProductLookup.BarcodeField, product.Variants.Select(v => v.Barcode), cancellationToken);
        var products = product.Variants
            .SelectMany(v => variantLinks.TryGetValue(v.Id, out var linked) ? [linked]
                : v.Sku is not null && bySku.Contains(v.Sku) ? bySku[v.Sku].Select(c => c.Id)
                : v.Barcode is not null ? byBarcode[v.Barcode].Select(c => c.Id) : [])
            .Distinct()
            .ToList();
        if (products.Count == 0)
        {
            return null;
        }

        var templates = (await odoo.ReadAsync("product.product", products, ["product_tmpl_id"], cancellationToken)).OfType<JsonObject>()
            .Select(p => p.ManyToOneId("product_tmpl_id")).OfType<long>().Distinct().ToList();
        return templates is [var only]
            ? only
            : throw new JobNeedsPersonException($"The variants of store product '{product.Title}' match products of {templates.Count} Odoo templates; link them by matching first.");
    }

    private static async Task<(long Template, IReadOnlyDictionary<string, long> Variants)> UpdateAsync(
        OdooClient odoo, long template, StoreProduct product, Dictionary<string, long> variantLinks, CancellationToken cancellationToken)
    {
        var values = new JsonObject { ["name"] = product.Title };
        if (product.Options.Count == 0 && product.Variants is [var single])
        {
            values["list_price"] = single.Price;
        }

        await odoo.WriteAsync("product.template", [template], values, cancellationToken);
        var odooVariants = await VariantsByOptionsAsync(odoo, template, cancellationToken);
        var found = product.Variants
            .Select(v => (v.Id, OdooId: variantLinks.TryGetValue(v.Id, out var linked) ? linked : odooVariants.GetValueOrDefault(Key(v.OptionValues)), Variant: v))
            .Where(v => v.OdooId != 0)
            .ToList();
        foreach (var (_, odooId, variant) in found)
        {
            await odoo.WriteAsync("product.product", [odooId], Codes(variant), cancellationToken);
        }

        return (template, found.ToDictionary(v => v.Id, v => v.OdooId));
    }

    private static async Task<(long Template, IReadOnlyDictionary<string, long> Variants)> CreateAsync(OdooClient odoo, StoreProduct product, CancellationToken cancellationToken)
    {
        var values = (await odoo.GetProfileAsync(cancellationToken)).StorableProduct();
        values["name"] = product.Title;
        values["list_price"] = product.Variants.Count > 0 ? product.Variants.Min(v => v.Price) : 0m;
        if (product.Options.Count > 0)
        {
            var lines = new JsonArray();
            foreach (var option in product.Options)
            {
                var attribute = await odoo.CreateOnceAsync("product.attribute", OdooDomain.Where("name", "=", option.Name),
                    new JsonObject { ["name"] = option.Name, ["create_variant"] = "always" }, cancellationToken);
                var valueIds = new JsonArray();
                foreach (var name in option.Values)
                {
                    valueIds.Add(await odoo.CreateOnceAsync("product.attribute.value",
                        OdooDomain.Where("attribute_id", "=", attribute).And(OdooDomain.Where("name", "=", name)),
                        new JsonObject { ["name"] = name, ["attribute_id"] = attribute }, cancellationToken));
                }

                lines.Add(new JsonArray(0, 0, new JsonObject { ["attribute_id"] = attribute, ["value_ids"] = new JsonArray(new JsonArray(6, 0, valueIds)) }));
            }

            values["attribute_line_ids"] = lines;
        }

        var template = (await odoo.CreateAsync("product.template", [values], cancellationToken: cancellationToken))[0];
        var odooVariants = await VariantsByOptionsAsync(odoo, template, cancellationToken);
        var created = new Dictionary<string, long>();
        foreach (var variant in product.Variants.Where(v => odooVariants.ContainsKey(Key(v.OptionValues))))
        {
            var odooId = odooVariants[Key(variant.OptionValues)];
            var codes = Codes(variant);
            if (product.Options.Count > 0)
            {
                codes["lst_price"] = variant.Price;
            }

            await odoo.WriteAsync("product.product", [odooId], codes, cancellationToken);
            created[variant.Id] = odooId;
        }

        return (template, created);
    }

    /// <summary>The template's variants by their attribute value names, in attribute line order ("" for a template without attributes).</summary>
    private static async Task<Dictionary<string, long>> VariantsByOptionsAsync(OdooClient odoo, long template, CancellationToken cancellationToken)
    {
        var variants = (await odoo.SearchReadAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", template), ["product_template_attribute_value_ids"],
            order: "id", cancellationToken: cancellationToken)).OfType<JsonObject>().ToList();
        List<long> valueIds = [.. variants.SelectMany(v => v.Ids("product_template_attribute_value_ids")).Distinct()];
        var names = (valueIds.Count == 0 ? [] : await odoo.ReadAsync("product.template.attribute.value", valueIds, ["name", "attribute_line_id"], cancellationToken))
            .OfType<JsonObject>().ToDictionary(v => v.Id());
        return variants
            .GroupBy(v => Key(v.Ids("product_template_attribute_value_ids").Where(names.ContainsKey).Select(id => names[id])
                .OrderBy(n => n.ManyToOneId("attribute_line_id")).Select(n => n.Text("name") ?? "")))
            .ToDictionary(g => g.Key, g => g.First().Id());
    }

    private static JsonObject Codes(StoreProductVariant variant) => new()
    {
        ["default_code"] = OdooText(variant.Sku),
        ["barcode"] = OdooText(variant.Barcode),
    };

    // Odoo clears a char field with false, not with null.
    private static JsonValue OdooText(string? text) => text is null ? JsonValue.Create(false) : JsonValue.Create(text);

    private static string Key(IEnumerable<string> values) => string.Join("\u001f", values);
}
