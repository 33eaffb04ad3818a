using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Sync.Webhooks;

namespace Portal.Endpoints;

public static class WooCommerceWebhookEndpoints
{
    /// <summary>POST /webhooks/woocommerce/{storeId}: verified by the webhook secret's HMAC, kept, queued; the creation ping gets its 200.</summary>
    public static IEndpointRouteBuilder MapWooCommerceWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/woocommerce/{storeId:guid}", (HttpContext http, Guid storeId, WebhookIntake intake, IOptions<WebhookOptions> options, ILoggerFactory loggers) =>
                WebhookRequests.AcceptAsync(http, StorePlatform.WooCommerce, storeId, intake, options, loggers))
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }
}
