using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Sync.Flows.Stock;

namespace Portal.Endpoints;

public static class OdooNotificationEndpoints
{
    /// <summary>Odoo's notifications name a record, nothing the portal needs; a body larger than this is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// POST /hooks/odoo/{tenantId}/{token}: an Odoo automation rule saying stock changed. The token in the address is
    /// the credential; a right one queues a stock poll of the tenant's stores and gets 202 at once, the body unread.
    /// </summary>
    public static IEndpointRouteBuilder MapOdooNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/hooks/odoo/{tenantId:guid}/{token}", async (HttpContext http, Guid tenantId, string token, OdooNotifications notifications) =>
            {
                if (await WebhookRequests.ReadCappedAsync(http.Request, MaxBodyBytes, http.RequestAborted) is null)
                {
                    return Answer(StatusCodes.Status413PayloadTooLarge, "too_large", $"The body is larger than {MaxBodyBytes} bytes.");
                }

                return await notifications.AcceptAsync(tenantId, token, http.RequestAborted)
                    ? Answer(StatusCodes.Status202Accepted, "queued", "A stock update of the tenant's stores is queued.")
                    : Refused;
            })
            .AllowAnonymous()
            .DisableAntiforgery();
        endpoints.MapPost("/hooks/odoo/{tenantId:guid}", () => Refused).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    // Every answer has a body: the status code pages would otherwise re-execute an empty 401 or 413 as a page.
    private static JsonHttpResult<WebhookAnswer> Refused => Answer(StatusCodes.Status401Unauthorized, "bad_token", "This is not the tenant's notification address.");

    private static JsonHttpResult<WebhookAnswer> Answer(int status, string outcome, string message) => TypedResults.Json(new WebhookAnswer(outcome, message), statusCode: status);
}
