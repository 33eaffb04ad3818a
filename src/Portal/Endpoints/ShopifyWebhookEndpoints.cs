using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Sync.Webhooks;

namespace Portal.Endpoints;

public static class ShopifyWebhookEndpoints
{
    /// <summary>POST /webhooks/shopify/{storeId}: verified by the app secret's HMAC, kept, queued; never processed in the request.</summary>
    public static IEndpointRouteBuilder MapShopifyWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/shopify/{storeId:guid}", (HttpContext http, Guid storeId, WebhookIntake intake, IOptions<WebhookOptions> options, ILoggerFactory loggers) =>
                WebhookRequests.AcceptAsync(http, StorePlatform.Shopify, storeId, intake, options, loggers))
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }
}
