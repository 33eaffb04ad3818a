using System.Net;
using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>How WooCommerce's v3 JSON spells ids, names and addresses.</summary>
internal static class WooCommerceFields
{
    /// <summary>An id where WooCommerce writes 0 for "none" (a guest's customer_id, a line without variation).</summary>
    public static string? OptionalId(this PayloadNode node, string name) =>
        node.Id(name) is { } id && id != "0" ? id : null;

    /// <summary>WooCommerce stores names HTML-encoded ("Ship Your Idea &amp;ndash; Color: Black").</summary>
    public static string? DecodedText(this PayloadNode node, string field) =>
        node.Text(field) is { } name ? WebUtility.HtmlDecode(name) : null;

    public static string RequiredDecodedText(this PayloadNode node, string field) =>
        node.DecodedText(field) ?? throw node.Missing(field);

    /// <summary>The <c>*_gmt</c> twin of a date field: the plain one is in the site's time zone, without an offset.</summary>
    public static DateTimeOffset? UtcTime(this PayloadNode node, string field) => node.Time(field + "_gmt");

    public static CommerceAddress? Address(this PayloadNode node, string name) =>
        node.Object(name) is { } address
            ? new CommerceAddress(
                Name: PersonName.Join(address.Text("first_name"), address.Text("last_name")),
                FirstName: address.Text("first_name"),
                LastName: address.Text("last_name"),
                Company: address.Text("company"),
                Line1: address.Text("address_1"),
                Line2: address.Text("address_2"),
                City: address.Text("city"),
                ProvinceCode: address.Text("state"),
                Zip: address.Text("postcode"),
                CountryCode: address.Text("country"),
                Phone: address.Text("phone")).UnlessBlank()
            : null;
}
