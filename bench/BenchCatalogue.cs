using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Bench;

/// <summary>
/// What the orders scenario sells, made sure of in any Odoo: the products with the fake stores' SKUs and a
/// 15 % sales tax (prices excluding it) of the user's company, found or else created. Nothing is cleaned up.
/// </summary>
internal sealed record BenchCatalogue(long TaxId, IReadOnlyDictionary<string, long> Products)
{
    public static async Task<BenchCatalogue> PrepareAsync(OdooClient odoo, IReadOnlyList<(string Sku, string Name, decimal Price)> goods)
    {
        var profile = await odoo.GetProfileAsync();
        var user = (await odoo.SearchReadAsync("res.users", OdooDomain.Where("login", "=", odoo.Endpoint.Login), ["company_id"], 1))[0]!;
        var company = user.ManyToOneId("company_id") ?? throw new InvalidOperationException($"The Odoo user {odoo.Endpoint.Login} has no company.");
        return new BenchCatalogue(await TaxAsync(odoo, profile, company), await ProductsAsync(odoo, profile, goods));
    }

    private static async Task<long> TaxAsync(OdooClient odoo, OdooVersionProfile profile, long company)
    {
        var taxes = await odoo.SearchReadAsync("account.tax",
            OdooDomain.Where("amount", "=", 15).And(OdooDomain.Where("amount_type", "=", "percent")).And(OdooDomain.Where("type_tax_use", "=", "sale"))
                .And(OdooDomain.Where("company_id", "=", company)),
            [profile.TaxPriceIncludeField], order: "id");
        if (taxes.FirstOrDefault(t => !profile.IsPriceIncluded(t![profile.TaxPriceIncludeField])) is { } found)
        {
            return found.Id();
        }

        var values = new JsonObject { ["name"] = "Bench 15%", ["amount"] = 15.0, ["amount_type"] = "percent", ["type_tax_use"] = "sale", ["company_id"] = company };
        values[profile.TaxPriceIncludeField] = profile.Version.Major >= 18 ? "tax_excluded" : false;
        return (await odoo.CreateAsync("account.tax", [values]))[0];
    }

    private static async Task<IReadOnlyDictionary<string, long>> ProductsAsync(OdooClient odoo, OdooVersionProfile profile, IReadOnlyList<(string Sku, string Name, decimal Price)> goods)
    {
        var skus = goods.Select(g => g.Sku).ToList();
        var found = await FindAsync(odoo, skus);
        var absent = goods.Where(g => !found.ContainsKey(g.Sku)).ToList();
        if (absent.Count > 0)
        {
            await odoo.CreateAsync("product.template", absent.Select(g =>
            {
                var values = profile.StorableProduct();
                values["name"] = g.Name;
                values["default_code"] = g.Sku;
                values["list_price"] = (double)g.Price;
                return values;
            }).ToList());
            found = await FindAsync(odoo, skus);
        }

        return found;
    }

    private static async Task<Dictionary<string, long>> FindAsync(OdooClient odoo, IReadOnlyList<string> skus)
    {
        var products = await odoo.SearchReadAsync("product.product", OdooDomain.In("default_code", skus), ["default_code"], order: "id");
        var bySku = products.GroupBy(p => p!.Text("default_code")!).ToList();
        if (bySku.FirstOrDefault(g => g.Count() > 1) is { } ambiguous)
        {
            throw new InvalidOperationException($"Odoo has {ambiguous.Count()} products with the SKU {ambiguous.Key}; the flow would refuse the orders.");
        }

        return bySku.ToDictionary(g => g.Key, g => g.Single()!.Id());
    }
}
