using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

/// <summary>How Shopify's Admin GraphQL answers spell ids, money, connections, taxes and addresses.</summary>
internal static class ShopifyGraphQlFields
{
    /// <summary>The number of a gid of the given type, e.g. "820982911946154508" from <c>gid://shopify/Order/820982911946154508</c>.</summary>
    public static string? GidId(this PayloadNode node, string name, string gidType)
    {
        if (node.Text(name) is not { } text)
        {
            return null;
        }

        return ShopifyGid.Parse(text) is { } gid && gid.Type == gidType
            ? gid.Id
            : throw node.Problem($"{node.Path}.{name} is not a {gidType} id: \"{text}\"");
    }

    public static string RequiredGidId(this PayloadNode node, string name, string gidType) =>
        node.GidId(name, gidType) ?? throw node.Missing(name);

    /// <summary>The shop-currency amount of a MoneyBag field (<c>{ shopMoney { amount } }</c>); Shopify sends amounts as strings.</summary>
    public static decimal? ShopMoney(this PayloadNode node, string name) =>
        node.Object(name) is { } bag ? bag.RequiredObject("shopMoney").RequiredDecimal("amount") : null;

    public static decimal RequiredShopMoney(this PayloadNode node, string name) =>
        node.ShopMoney(name) ?? throw node.Missing(name);

    /// <summary>The nodes of a connection field (<c>{ nodes { … } }</c>); a missing connection has none.</summary>
    public static IReadOnlyList<PayloadNode> Nodes(this PayloadNode node, string name) =>
        node.Object(name)?.Objects("nodes") ?? [];

    public static IReadOnlyList<CommerceTaxLine> GraphQlTaxLines(this PayloadNode node) =>
        node.Objects("taxLines")
            .Select(tax => new CommerceTaxLine(tax.RequiredText("title"), tax.Decimal("rate"), tax.RequiredShopMoney("priceSet"), CountryCode: null, IsCompound: false))
            .ToList();

    public static CommerceAddress? GraphQlAddress(this PayloadNode node, string name) =>
        node.Object(name) is { } address
            ? new CommerceAddress(
                Name: address.Text("name") ?? PersonName.Join(address.Text("firstName"), address.Text("lastName")),
                FirstName: address.Text("firstName"),
                LastName: address.Text("lastName"),
                Company: address.Text("company"),
                Line1: address.Text("address1"),
                Line2: address.Text("address2"),
                City: address.Text("city"),
                ProvinceCode: address.Text("provinceCode"),
                Zip: address.Text("zip"),
                CountryCode: address.Text("countryCodeV2"),
                Phone: address.Text("phone")).UnlessBlank()
            : null;

    /// <summary>A GraphQL enum value ("PARTIALLY_REFUNDED") as the REST code word the REST mappers know ("partially_refunded").</summary>
    public static string? RestCode(string? graphQlEnum) => graphQlEnum?.ToLowerInvariant();
}
