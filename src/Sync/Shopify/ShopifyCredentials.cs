using System.Text.Json;

namespace Portal.Sync.Shopify;

/// <summary>
/// A shop's Admin API access token (from the OAuth install, or entered for an app made before custom apps moved
/// to the developer dashboard) and, for OAuth installs, the app's client id. The app's client secret is the
/// store's webhook secret: Shopify signs webhooks with it.
/// </summary>
public sealed record ShopifyCredentials(string AccessToken, string? ClientId = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ShopifyCredentials FromJson(string json) =>
        JsonSerializer.Deserialize<ShopifyCredentials>(json, JsonSerializerOptions.Web) ?? throw new JsonException("Empty Shopify credentials.");

    public override string ToString() => $"Shopify credentials (client {ClientId ?? "none"})";
}
