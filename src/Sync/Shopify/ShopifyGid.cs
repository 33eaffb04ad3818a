using System.Globalization;

namespace Portal.Sync.Shopify;

/// <summary>
/// A Shopify global id such as <c>gid://shopify/Order/820982911946154508</c> or
/// <c>gid://shopify/InventoryLevel/24826418?inventory_item_id=271878346596884015</c>. Its digits are exact, while the
/// numeric <c>id</c> beside it may have passed through a double somewhere on its way (Shopify's own docs samples
/// did), so ids are taken from here first.
/// </summary>
internal readonly record struct ShopifyGid(string Type, string Id, string Query)
{
    private const string Prefix = "gid://shopify/";

    public static ShopifyGid? Parse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[Prefix.Length..];
        var query = "";
        if (rest.IndexOf('?', StringComparison.Ordinal) is var questionMark and >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }

        return rest.Split('/') is [var type, var id] && type.Length > 0 && IsNumber(id) ? new ShopifyGid(type, id, query) : null;
    }

    /// <summary><paramref name="id"/> as a gid of <paramref name="type"/>; a gid is returned as it is.</summary>
    public static string Format(string type, string id) => Parse(id) is not null ? id : $"{Prefix}{type}/{id}";

    public string? QueryValue(string name) =>
        Query.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair is [_, var value] && pair[0] == name && IsNumber(value))
            .Select(pair => pair[1])
            .FirstOrDefault();

    private static bool IsNumber(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
