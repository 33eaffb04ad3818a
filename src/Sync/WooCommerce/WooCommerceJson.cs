using System.Globalization;
using System.Text.Json;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>How WooCommerce's catalogue and stock answers spell ids and texts.</summary>
internal static class WooCommerceJson
{
    public static string Id(JsonElement item) =>
        item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetInt64().ToString(CultureInfo.InvariantCulture)
            : throw new StoreApiException(StoreApiErrorKind.Protocol, "WooCommerce listed a product or variation without id.");

    /// <summary>The text of <paramref name="name"/>; null when it is missing, not a string, or empty.</summary>
    public static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
