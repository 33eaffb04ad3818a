using System.Globalization;
using System.Text.Json;

namespace Portal.Sync.Webhooks;

/// <summary>Reads identifiers and times from webhook bodies, which carry ids as numbers or strings.</summary>
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

    /// <summary>A time as ISO 8601 text; one without an offset is UTC. Null when absent or unreadable: it only names a version.</summary>
    public static DateTimeOffset? Time(JsonElement body, string property) =>
        body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    public static string Describe(JsonValueKind kind) => kind.ToString().ToLower(CultureInfo.InvariantCulture);
}
