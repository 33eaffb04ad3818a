using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

/// <summary>How Shopify's REST-shaped JSON (webhook bodies) spells ids, money, taxes and addresses.</summary>
internal static class ShopifyFields
{
    /// <summary>The exact id from <c>admin_graphql_api_id</c> when it is a gid of the type, else the numeric <c>id</c>.</summary>
    public static string ShopifyId(this PayloadNode node, string gidType) =>
        ShopifyGid.Parse(node.Text("admin_graphql_api_id")) is { } gid && gid.Type == gidType ? gid.Id : node.RequiredId("id");

    /// <summary>
    /// An amount in the shop's currency: the plain field ("total_price"), or the shop money of its money bag
    /// ("total_price_set"), which is all that some fields have (total_shipping_price_set, a duty's price_set).
    /// </summary>
    public static decimal? Money(this PayloadNode node, string name) =>
        node.Decimal(name) ?? node.Object(name + "_set")?.Object("shop_money")?.Decimal("amount");

    public static decimal RequiredMoney(this PayloadNode node, string name) =>
        node.Money(name) ?? throw node.Missing(name);

    public static IReadOnlyList<CommerceTaxLine> TaxLines(this PayloadNode node) =>
        node.Objects("tax_lines")
            .Select(tax => new CommerceTaxLine(tax.RequiredText("title"), tax.Decimal("rate"), tax.RequiredMoney("price"), CountryCode: null, IsCompound: false))
            .ToList();

    public static CommerceAddress? Address(this PayloadNode node, string name) =>
        node.Object(name) is { } address
            ? new CommerceAddress(
                Name: address.Text("name") ?? PersonName.Join(address.Text("first_name"), address.Text("last_name")),
                FirstName: address.Text("first_name"),
                LastName: address.Text("last_name"),
                Company: address.Text("company"),
                Line1: address.Text("address1"),
                Line2: address.Text("address2"),
                City: address.Text("city"),
                ProvinceCode: address.Text("province_code"),
                Zip: address.Text("zip"),
                CountryCode: address.Text("country_code"),
                Phone: address.Text("phone")).UnlessBlank()
            : null;
}
