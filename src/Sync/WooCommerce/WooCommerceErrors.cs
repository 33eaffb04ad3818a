using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>WooCommerce failures as <see cref="StoreApiException"/>s, each saying what to change where a person must act.</summary>
internal static class WooCommerceErrors
{
    private const string KeysPage = "WooCommerce → Settings → Advanced → REST API";

    public static StoreApiException ReadOnlyKey(WooCommerceResponse response) =>
        new(StoreApiErrorKind.Permission, $"The API key is read-only: create a key with Read/Write permission in {KeysPage}.", (int)response.Status, response.Code);

    public static StoreApiException PlainPermalinks() =>
        new(StoreApiErrorKind.Configuration,
            "The site has no /wp-json route: WordPress permalinks are set to 'Plain'. Choose any other permalink structure under Settings → Permalinks.", 404);

    public static StoreApiException Unreachable(WooCommerceSite site, Exception error) =>
        new(StoreApiErrorKind.Transient, $"{site} did not answer: {error.Message}", inner: error);

    public static StoreApiException MalformedJson(WooCommerceSite site, WooCommerceResponse response) =>
        new(StoreApiErrorKind.Protocol,
            $"{site} answered HTTP {(int)response.Status} with malformed JSON; a PHP warning printed before it is the usual cause (turn off WP_DEBUG_DISPLAY).",
            (int)response.Status);

    public static StoreApiException NotJson(WooCommerceSite site, WooCommerceResponse response) =>
        new(StoreApiErrorKind.Protocol,
            $"{site} answered HTTP {(int)response.Status} with {response.MediaType ?? "no content type"} instead of WooCommerce JSON.", (int)response.Status);

    public static StoreApiException FromResponse(WooCommerceSite site, WooCommerceResponse response)
    {
        var status = (int)response.Status;
        var message = response.Message;
        return status switch
        {
            408 or 429 or >= 500 => new(StoreApiErrorKind.Transient,
                $"{site} is unavailable (HTTP {status}{(message is null ? "" : $": {message}")}).", status, response.Code),
            401 or 403 when response.Json is null => new(StoreApiErrorKind.Authentication,
                $"{site} refused the request with HTTP {status} before WooCommerce saw it: a firewall, or a password on the whole site?", status),
            401 when response.ArrivedWithoutUser => new(StoreApiErrorKind.Authentication,
                $"WooCommerce does not know this consumer key: it is mistyped or was revoked. Create a key in {KeysPage}.", status, response.Code),
            403 when response.Code?.StartsWith("woocommerce_rest_cannot_", StringComparison.Ordinal) == true => new(StoreApiErrorKind.Permission,
                $"The API key's WordPress user may not do this ({message}): create the key for an Administrator or Shop manager, with Read/Write permission, in {KeysPage}.",
                status, response.Code),
            401 or 403 => new(StoreApiErrorKind.Authentication, $"WooCommerce refused the API key: {message}", status, response.Code),
            404 when response.Code == "rest_no_route" => new(StoreApiErrorKind.Configuration,
                $"{site} runs the WordPress REST API but not WooCommerce's v3 routes: is WooCommerce 3.5 or later active?", status, response.Code),
            _ when response.Json is null => NotJson(site, response),
            _ => new(StoreApiErrorKind.Validation, message ?? $"HTTP {status}", status, response.Code),
        };
    }
}
