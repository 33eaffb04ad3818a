using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// A small company like Odoo's demo data: currencies, countries, taxes, journals, a warehouse with stock,
/// storable and service products, customers, a carrier; an administrator and a user without sales rights.
/// </summary>
public static class FakeOdooSeed
{
    public const string AdminPassword = "admin";
    public const string AdminApiKey = "fake-admin-api-key-0123456789abcdef";
    public const string ViewerPassword = "viewer";
    /// <summary>The tracking link of the "Standard delivery" carrier; Odoo puts the picking's tracking reference in place of the placeholder.</summary>
    public const string StandardTrackingLink = "https://track.example.com/parcel?ref=<shipmenttrackingnumber>";
    public const string ViewerApiKey = "fake-viewer-api-key-0123456789abcdef";

    /// <summary>Storable goods (name, SKU = default_code, barcode, list price, quantity on hand); the stores' fakes sell these SKUs.</summary>
    public static readonly IReadOnlyList<(string Name, string Sku, string Barcode, double Price, double OnHand)> Goods =
    [
        ("Large Cabinet", "E-COM07", "601647855631", 320.0, 250.0),
        ("Office Chair", "FURN_7777", "601647855638", 70.0, 40.0),
        ("Desk Combination", "FURN_7800", "601647855650", 450.0, 30.0),
        ("Blue T-Shirt (M)", "TSHIRT-BLUE-M", "400000000017", 25.0, 100.0),
        ("Red Cap", "CAP-RED", "400000000024", 19.99, 100.0),
        ("Coffee Mug", "MUG-001", "400000000031", 12.5, 200.0),
        ("Wool Socks (3 pairs)", "SOCKS-3PK", "400000000048", 9.99, 300.0),
        ("Leather Notebook", "NOTE-A5", "400000000055", 34.9, 50.0),
    ];

    /// <summary>Service products (name, SKU) the flows put order amounts on that are not goods.</summary>
    public static readonly IReadOnlyList<(string Name, string Sku)> Services =
    [
        ("Tip", "TIP"),
        ("Duties", "DUTIES"),
        ("Fee", "FEE"),
        ("Discount", "DISCOUNT"),
        ("Gift Card", "GIFT-CARD"),
    ];

    public static IReadOnlyList<FakeOdooUser> Populate(FakeOdooService service)
    {
        var major = service.Database.Major;
        long Create(string model, JsonObject values) => service.CreateRecord(model, values);

        var usd = Create("res.currency", new() { ["name"] = "USD", ["rounding"] = 0.01 });
        var eur = Create("res.currency", new() { ["name"] = "EUR", ["rounding"] = 0.01 });
        var us = Create("res.country", new() { ["name"] = "United States", ["code"] = "US" });
        var france = Create("res.country", new() { ["name"] = "France", ["code"] = "FR" });
        Create("res.country", new() { ["name"] = "Germany", ["code"] = "DE" });
        Create("res.country", new() { ["name"] = "United Kingdom", ["code"] = "GB" });
        Create("res.country", new() { ["name"] = "Canada", ["code"] = "CA" });
        Create("res.country.state", new() { ["name"] = "California", ["code"] = "CA", ["country_id"] = us });
        Create("res.country.state", new() { ["name"] = "New York", ["code"] = "NY", ["country_id"] = us });

        var company = Create("res.company", new() { ["name"] = "My Company (San Francisco)", ["currency_id"] = usd, ["country_id"] = us, ["tax_calculation_rounding_method"] = "round_per_line" });
        Create("res.users", new() { ["name"] = "OdooBot", ["login"] = "__system__", ["company_id"] = company, ["company_ids"] = new JsonArray(company) });
        var admin = Create("res.users", new() { ["name"] = "Mitchell Admin", ["login"] = "admin", ["company_id"] = company, ["company_ids"] = new JsonArray(company) });
        var viewer = Create("res.users", new() { ["name"] = "Vera Viewer", ["login"] = "viewer", ["company_id"] = company, ["company_ids"] = new JsonArray(company) });

        Create("res.partner", new() { ["name"] = "My Company (San Francisco)", ["is_company"] = true, ["country_id"] = us });
        Create("res.partner", new() { ["name"] = "Deco Addict", ["email"] = "deco.addict82@example.com", ["is_company"] = true, ["country_id"] = us });
        Create("res.partner", new() { ["name"] = "Azure Interior", ["email"] = "azure.Interior24@example.com", ["is_company"] = true, ["country_id"] = us });

        Create("uom.uom", new() { ["name"] = "Units", ["factor"] = 1.0 });
        var tax15 = Create("account.tax", Tax("15%", 15, included: false, major));
        Create("account.tax", Merge(Tax("TVA 20% TTC", 20, included: true, major), new() { ["country_id"] = france }));
        service.WriteRecord("res.company", company, new() { ["account_sale_tax_id"] = tax15 });
        Create("account.tax", Tax("Tax 5%", 5, included: false, major));
        Create("account.tax", Tax("Tax 10%", 10, included: false, major));
        Create("account.tax", Tax("0%", 0, included: false, major));
        Create("account.tax", Merge(Tax("TVA 5.5% TTC", 5.5, included: true, major), new() { ["country_id"] = france }));
        Create("account.fiscal.position", new() { ["name"] = "Intra-EU B2B", ["company_id"] = company });
        Create("account.fiscal.position", new() { ["name"] = "Export (outside the US)", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "Customer Invoices", ["code"] = "INV", ["type"] = "sale", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "Bank", ["code"] = "BNK1", ["type"] = "bank", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "Cash", ["code"] = "CSH1", ["type"] = "cash", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "Shopify Payments", ["code"] = "SHOP", ["type"] = "bank", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "PayPal", ["code"] = "PAYPL", ["type"] = "bank", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "Gift Card", ["code"] = "GIFT", ["type"] = "bank", ["company_id"] = company });
        Create("account.journal", new() { ["name"] = "Miscellaneous Operations", ["code"] = "MISC", ["type"] = "general", ["company_id"] = company });
        Create("product.pricelist", new() { ["name"] = "Default USD pricelist", ["currency_id"] = usd });
        Create("product.pricelist", new() { ["name"] = "Default EUR pricelist", ["currency_id"] = eur });
        Create("crm.team", new() { ["name"] = "Sales", ["company_id"] = company });
        Create("crm.team", new() { ["name"] = "Website", ["company_id"] = company });

        var stock = Create("stock.location", new() { ["name"] = "Stock", ["complete_name"] = "WH/Stock", ["usage"] = "internal" });
        Create("stock.location", new() { ["name"] = "Customers", ["complete_name"] = "Partners/Customers", ["usage"] = "customer" });
        Create("stock.warehouse", new() { ["name"] = "San Francisco", ["code"] = "WH", ["lot_stock_id"] = stock, ["company_id"] = company });

        long VariantOf(long template) =>
            service.Database.Ids("product.product").Single(p => service.Database.Raw("product.product", p)["product_tmpl_id"]!.GetValue<long>() == template);

        // Goods get the company's default sales tax (15%) as new products do in Odoo; lines sent without taxes get it.
        foreach (var (name, code, barcode, price, quantity) in Goods)
        {
            var template = Create("product.template", Merge(Storable(major), new() { ["name"] = name, ["default_code"] = code, ["barcode"] = barcode, ["list_price"] = price }));
            Create("stock.quant", new() { ["product_id"] = VariantOf(template), ["location_id"] = stock, ["quantity"] = quantity, ["reserved_quantity"] = 0.0 });
        }

        foreach (var (name, code) in Services)
        {
            Create("product.template", Merge(Service(major), new() { ["name"] = name, ["default_code"] = code, ["list_price"] = 0.0, ["taxes_id"] = new JsonArray() }));
        }

        var shipping = Create("product.template", Merge(Service(major), new() { ["name"] = "Standard delivery", ["default_code"] = "Delivery_007", ["list_price"] = 0.0, ["taxes_id"] = new JsonArray() }));
        Create("delivery.carrier", new() { ["name"] = "Standard delivery", ["product_id"] = VariantOf(shipping), ["delivery_type"] = "fixed", ["fixed_price"] = 5.0, ["tracking_url"] = StandardTrackingLink });
        var express = Create("product.template", Merge(Service(major), new() { ["name"] = "Express delivery", ["default_code"] = "Delivery_EXP", ["list_price"] = 0.0, ["taxes_id"] = new JsonArray() }));
        Create("delivery.carrier", new() { ["name"] = "Express delivery", ["product_id"] = VariantOf(express), ["delivery_type"] = "fixed", ["fixed_price"] = 15.0 });
        string[] readOnly = ["read"];
        return
        [
            new FakeOdooUser(admin, "admin", AdminPassword, AdminApiKey),
            new FakeOdooUser(viewer, "viewer", ViewerPassword, ViewerApiKey, new Dictionary<string, string[]>
            {
                ["res.partner"] = readOnly,
                ["res.users"] = readOnly,
                ["res.company"] = readOnly,
                ["res.country"] = readOnly,
                ["res.country.state"] = readOnly,
                ["res.currency"] = readOnly,
                ["product.product"] = readOnly,
                ["product.template"] = readOnly,
            }),
        ];
    }

    private static JsonObject Merge(JsonObject first, JsonObject second)
    {
        var merged = (JsonObject)first.DeepClone();
        foreach (var (key, value) in second)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static JsonObject Tax(string name, double amount, bool included, int major)
    {
        var tax = new JsonObject { ["name"] = name, ["amount"] = amount, ["amount_type"] = "percent", ["type_tax_use"] = "sale", ["company_id"] = 1 };
        if (major >= 18)
        {
            tax["price_include_override"] = included ? "tax_included" : "tax_excluded";
            tax["price_include"] = included;
        }
        else
        {
            tax["price_include"] = included;
        }

        return tax;
    }

    private static JsonObject Storable(int major) => major >= 18
        ? new JsonObject { ["type"] = "consu", ["is_storable"] = true }
        : new JsonObject { ["detailed_type"] = "product" };

    private static JsonObject Service(int major) => major >= 18
        ? new JsonObject { ["type"] = "service" }
        : new JsonObject { ["detailed_type"] = "service" };
}
