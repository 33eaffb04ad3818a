using System.Text.Json;

namespace Portal.Sync.WooCommerce;

/// <summary>A WooCommerce REST API key: the consumer key ("ck_…") and its secret ("cs_…").</summary>
public sealed record WooCommerceCredentials(string ConsumerKey, string ConsumerSecret)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static WooCommerceCredentials FromJson(string json) =>
        JsonSerializer.Deserialize<WooCommerceCredentials>(json, JsonSerializerOptions.Web) ?? throw new JsonException("Empty WooCommerce credentials.");

    public override string ToString() => "WooCommerce credentials";
}
