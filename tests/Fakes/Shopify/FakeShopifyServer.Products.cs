using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace Portal.Fakes.Shopify;

/// <summary>The shop's products and their variants, as the productVariants and productVariantsCount queries read them.</summary>
public sealed partial class FakeShopifyServer
{
    private readonly Lock productsGate = new();
    private readonly SortedDictionary<long, JsonObject> products = [];

    /// <summary>Adds an ACTIVE product with the given variants; returns its id.</summary>
    public long AddProduct(string title, params FakeShopifyVariantSpec[] variants)
    {
        lock (productsGate)
        {
            var id = NextResourceId();
            products[id] = new JsonObject
            {
                ["__typename"] = "Product",
                ["id"] = $"gid://shopify/Product/{id}",
                ["legacyResourceId"] = id.ToString(CultureInfo.InvariantCulture),
                ["title"] = title,
                ["status"] = "ACTIVE",
                ["descriptionHtml"] = "",
                ["tags"] = new JsonArray(),
                ["seo"] = new JsonObject { ["title"] = null, ["description"] = null },
                ["options"] = new JsonArray(new JsonObject { ["name"] = "Title", ["values"] = new JsonArray(variants.Select(v => (JsonNode)v.Title).ToArray()) }),
                ["variants"] = new JsonArray(variants.Select(v => (JsonNode)NewVariant(v)).ToArray()),
            };
            return id;
        }
    }

    public IReadOnlyList<JsonObject> Products
    {
        get
        {
            lock (productsGate)
            {
                return [.. products.Values.Select(p => (JsonObject)p.DeepClone())];
            }
        }
    }

    public JsonObject Product(long id)
    {
        lock (productsGate)
        {
            return (JsonObject)products[id].DeepClone();
        }
    }

    /// <summary>Changes a product as a merchant would in the admin (tags, SEO, description).</summary>
    public void EditProduct(long id, Action<JsonObject> edit)
    {
        lock (productsGate)
        {
            edit(products[id]);
        }
    }

    /// <summary>The ids of the product's variants, in their order.</summary>
    public IReadOnlyList<long> VariantIds(long productId)
    {
        lock (productsGate)
        {
            return products[productId]["variants"]!.AsArray().Select(v => long.Parse(v!["legacyResourceId"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        }
    }

    /// <summary>
    /// productSet: creates the product, or with input.id updates only the fields given; the variants listed are the
    /// product's variants afterwards (those with an id updated, the others created, the rest deleted).
    /// </summary>
    private void SetProduct(JsonObject input, JsonArray userErrors, JsonObject payload)
    {
        lock (productsGate)
        {
            JsonObject product;
            if (input["id"]?.GetValue<string>() is { } gid)
            {
                if (products.Values.FirstOrDefault(p => p["id"]!.GetValue<string>() == gid) is not { } existing)
                {
                    userErrors.Add(UserError(["input", "id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST"));
                    return;
                }

                product = existing;
            }
            else
            {
                var id = AddProduct(input["title"]?.GetValue<string>() ?? "");
                product = products[id];
                product["variants"] = new JsonArray();
            }

            foreach (var name in new[] { "title", "status", "descriptionHtml", "tags", "seo", "vendor", "productType" })
            {
                if (input[name] is { } value)
                {
                    product[name] = value.DeepClone();
                }
            }

            if (input["productOptions"] is JsonArray options)
            {
                product["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
                {
                    ["name"] = o!["name"]!.DeepClone(),
                    ["values"] = new JsonArray([.. o["values"]!.AsArray().Select(v => v!["name"]!.DeepClone())]),
                })]);
            }

            if (input["variants"] is JsonArray variants)
            {
                var current = product["variants"]!.AsArray().OfType<JsonObject>().ToDictionary(v => v["id"]!.GetValue<string>());
                var next = new JsonArray();
                foreach (var given in variants.OfType<JsonObject>())
                {
                    JsonObject variant;
                    if (given["id"]?.GetValue<string>() is { } variantGid)
                    {
                        if (!current.TryGetValue(variantGid, out var found))
                        {
                            userErrors.Add(UserError(["input", "variants", "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                            return;
                        }

                        variant = (JsonObject)found.DeepClone();
                    }
                    else
                    {
                        variant = NewVariant(new FakeShopifyVariantSpec(null));
                    }

                    var selected = given["optionValues"]!.AsArray().Select(o => (Name: o!["optionName"]!.GetValue<string>(), Value: o["name"]!.GetValue<string>())).ToList();
                    variant["selectedOptions"] = new JsonArray([.. selected.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["value"] = o.Value })]);
                    variant["title"] = string.Join(" / ", selected.Select(o => o.Value));
                    foreach (var name in new[] { "sku", "barcode", "price" })
                    {
                        if (given[name] is { } value)
                        {
                            variant[name] = value.DeepClone();
                        }
                    }

                    if (given["inventoryItem"]?["measurement"]?["weight"] is JsonObject weight)
                    {
                        variant["weight"] = weight.DeepClone();
                    }

                    next.Add(variant);
                }

                product["variants"] = next;
            }

            payload["product"] = product.DeepClone();
        }
    }

    private JsonObject NewVariant(FakeShopifyVariantSpec spec)
    {
        var id = NextResourceId();
        return new JsonObject
        {
            ["__typename"] = "ProductVariant",
            ["id"] = $"gid://shopify/ProductVariant/{id}",
            ["legacyResourceId"] = id.ToString(CultureInfo.InvariantCulture),
            ["title"] = spec.Title,
            ["selectedOptions"] = new JsonArray(new JsonObject { ["name"] = "Title", ["value"] = spec.Title }),
            ["sku"] = spec.Sku ?? "",
            ["barcode"] = spec.Barcode,
            ["price"] = spec.Price.ToString("0.00", CultureInfo.InvariantCulture),
            ["inventoryItem"] = new JsonObject { ["__typename"] = "InventoryItem", ["id"] = $"gid://shopify/InventoryItem/{NextResourceId()}" },
        };
    }

    /// <summary>Every variant with its product, ordered by id as sortKey ID asks.</summary>
    private JsonArray AllVariants()
    {
        lock (productsGate)
        {
            return new JsonArray(products.Values
                .SelectMany(product => product["variants"]!.AsArray().OfType<JsonObject>().Select(variant =>
                {
                    var copy = (JsonObject)variant.DeepClone();
                    copy["product"] = new JsonObject { ["__typename"] = "Product", ["id"] = product["id"]!.DeepClone(), ["title"] = product["title"]!.DeepClone(), ["status"] = product["status"]!.DeepClone() };
                    return copy;
                }))
                .OrderBy(variant => long.Parse(variant["legacyResourceId"]!.GetValue<string>(), CultureInfo.InvariantCulture))
                .Select(variant => (JsonNode)variant)
                .ToArray());
        }
    }

    private JsonObject? ProductByGid(string gid)
    {
        lock (productsGate)
        {
            return products.Values.FirstOrDefault(p => p["id"]!.GetValue<string>() == gid)?.DeepClone().AsObject();
        }
    }

    private JsonNode? ProductVariantsCount(FakeShopifyRequest request, GraphQLField field) =>
        request.Project(new JsonObject { ["count"] = AllVariants().Count, ["precision"] = "EXACT" }, field.SelectionSet!);
}
