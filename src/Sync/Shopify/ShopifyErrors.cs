using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Sync.Http;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// Turns what Shopify (or the network) answered into a <see cref="StoreApiException"/> of the right kind, with a
/// message that says what to do. Messages name the shop and the operation, never the token.
/// </summary>
internal static partial class ShopifyErrors
{
    public const string Throttled = "THROTTLED";
    private const string AccessDenied = "ACCESS_DENIED";

    public static StoreApiException FromStatus(HttpStatusCode status, string? body, ShopifyShop shop, string operation)
    {
        var code = (int)status;
        return code switch
        {
            401 => new(StoreApiErrorKind.Authentication,
                $"Shopify rejected the access token of {shop} (HTTP 401): the app was uninstalled or its token revoked. Connect the store again.", code),
            403 => new(StoreApiErrorKind.Permission,
                $"Shopify refused {operation} on {shop} (HTTP 403): the app is missing {ScopeIn(body) ?? "an access scope"}. Approve the app's access again.", code),
            402 => new(StoreApiErrorKind.Configuration,
                $"The shop {shop} is frozen (HTTP 402): its Shopify plan is unpaid. The connector resumes once the plan is paid.", code),
            423 => new(StoreApiErrorKind.Configuration,
                $"The shop {shop} is locked (HTTP 423), by Shopify or its owner. The connector resumes once the shop is unlocked.", code),
            404 => new(StoreApiErrorKind.Configuration,
                $"Shopify has no shop at {shop} (HTTP 404): check the store's address (its myshopify.com domain).", code),
            429 => new(StoreApiErrorKind.Transient, $"Shopify kept refusing {operation} on {shop} as too many requests (HTTP 429). It will be retried.", code),
            >= 500 => new(StoreApiErrorKind.Transient, $"Shopify failed to answer {operation} on {shop} (HTTP {code}). It will be retried.", code),
            _ => new(StoreApiErrorKind.Protocol, $"Shopify answered {operation} on {shop} with HTTP {code}, which the connector does not expect.", code),
        };
    }

    /// <summary>The top-level <c>errors</c> of a GraphQL answer, THROTTLED excepted (the client waits those out).</summary>
    public static StoreApiException FromGraphQl(JsonArray errors, ShopifyShop shop, string operation)
    {
        var described = errors.OfType<JsonObject>()
            .Select(error => (Message: error["message"]?.GetValue<string>() ?? "no message", Code: error["extensions"]?["code"]?.GetValue<string>(),
                RequiredAccess: error["extensions"]?["requiredAccess"]?.GetValue<string>()))
            .ToList();
        if (described.Find(error => error.Code == AccessDenied) is { Code: not null } denied)
        {
            var scope = ScopeIn(denied.RequiredAccess) ?? ScopeIn(denied.Message);
            return new StoreApiException(StoreApiErrorKind.Permission,
                $"Shopify denied {operation} on {shop}: the app is missing {(scope is null ? "an access scope" : $"the {scope} scope")} ({denied.Message}). Approve the app's access again.",
                code: AccessDenied);
        }

        var messages = string.Join("; ", described.Select(error => error.Message));
        return new StoreApiException(StoreApiErrorKind.Protocol, $"Shopify refused {operation} on {shop}: {messages}",
            code: described.Select(error => error.Code).FirstOrDefault(code => code is not null));
    }

    public static bool IsThrottled(JsonArray errors) =>
        errors.OfType<JsonObject>().Any(error => error["extensions"]?["code"]?.GetValue<string>() == Throttled);

    /// <summary>A mutation's <c>userErrors</c>: Shopify's messages, verbatim.</summary>
    public static StoreApiException FromUserErrors(JsonArray userErrors, ShopifyShop shop, string operation)
    {
        var messages = userErrors.OfType<JsonObject>().Select(error => error["message"]?.GetValue<string>() ?? "no message");
        return new StoreApiException(StoreApiErrorKind.Validation, $"Shopify refused {operation} on {shop}: {string.Join("; ", messages)}",
            code: userErrors.OfType<JsonObject>().Select(error => error["code"]?.GetValue<string>()).FirstOrDefault(code => code is not null));
    }

    public static StoreApiException Throttling(ShopifyShop shop, string operation, int attempts) =>
        new(StoreApiErrorKind.Transient, $"Shopify throttled {operation} on {shop} {attempts} times in a row. It will be retried later.", code: Throttled);

    public static StoreApiException NotUnderstood(ShopifyShop shop, string operation, string what) =>
        new(StoreApiErrorKind.Protocol, $"Shopify's answer to {operation} on {shop} could not be read: {what}.");

    /// <summary>The request did not reach Shopify or got no answer in time.</summary>
    public static StoreApiException FromNetwork(Exception exception, ShopifyShop shop, string operation)
    {
        var reason = NetworkFailure.Reason(exception);
        return new StoreApiException(StoreApiErrorKind.Transient, $"Cannot reach Shopify for {operation} on {shop}: {reason}. It will be retried.", inner: exception);
    }

    /// <summary>The first access scope a text names, e.g. "`read_orders` access scope." or "requires merchant approval for read_orders scope".</summary>
    private static string? ScopeIn(string? text) =>
        text is not null && ScopeName().Match(text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"\b(?:read|write|unauthenticated_read|unauthenticated_write)_[a-z_]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeName();
}
