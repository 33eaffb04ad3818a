using System.Globalization;
using System.Text.Json;

namespace Portal.Sync.Webhooks;

/// <summary>Reads identifiers from webhook bodies, which carry them as numbers or strings.</summary>
internal static class WebhookJson
{
    public static string? Text(JsonElement body, string property) =>
        body.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                // Shopify ids exceed 2^53: read the digits as written, never through a double.
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static string Describe(JsonValueKind kind) => kind.ToString().ToLower(CultureInfo.InvariantCulture);
}
