using System.Net;
using System.Text.Json;

namespace Portal.Sync.WooCommerce;

/// <summary>A WordPress answer, read in full: its status, its JSON (none when the server sent HTML or nothing) and its page count.</summary>
internal sealed record WooCommerceResponse(HttpStatusCode Status, string? MediaType, JsonElement? Json, int? TotalPages)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    /// <summary>WordPress's error code, e.g. <c>woocommerce_rest_cannot_view</c>.</summary>
    public string? Code => Text("code");

    /// <summary>WordPress's error message, in the site's language.</summary>
    public string? Message => Text("message");

    /// <summary>A 404 that WordPress did not write: the web server has no such path, so /wp-json is not routed.</summary>
    public bool LacksRestApi => Status == HttpStatusCode.NotFound && Json is null;

    /// <summary>
    /// A controller's own permission check refused a request without a user (401; with a user it is 403): no key
    /// arrived, because the server dropped the Authorization header, or the consumer key is unknown.
    /// </summary>
    public bool ArrivedWithoutUser =>
        Status == HttpStatusCode.Unauthorized && Code?.StartsWith("woocommerce_rest_cannot_", StringComparison.Ordinal) == true;

    /// <summary>WooCommerce's authentication refused the key: a wrong secret or signature, or a key without the access the method needs.</summary>
    public bool KeyRefused => Status == HttpStatusCode.Unauthorized && Code == "woocommerce_rest_authentication_error";

    private string? Text(string name) =>
        Json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
