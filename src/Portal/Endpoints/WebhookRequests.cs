using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Sync.Webhooks;

namespace Portal.Endpoints;

/// <summary>The HTTP side of webhook intake, shared by the platforms' endpoints: size cap, raw body, status codes.</summary>
internal static class WebhookRequests
{
    public static async Task<JsonHttpResult<WebhookAnswer>> AcceptAsync(
        HttpContext http, StorePlatform platform, Guid storeId, WebhookIntake intake, IOptions<WebhookOptions> options, ILoggerFactory loggers)
    {
        var cap = options.Value.MaxBodyBytes;
        var body = await ReadCappedAsync(http.Request, cap, http.RequestAborted);
        if (body is null)
        {
            return Answer(StatusCodes.Status413PayloadTooLarge, "too_large", $"The body is larger than {cap} bytes.");
        }

        var receipt = await intake.AcceptAsync(platform, storeId, name => http.Request.Headers[name], http.Request.ContentType, body, http.RequestAborted);
        if (receipt.Outcome == WebhookOutcome.Forged)
        {
            loggers.CreateLogger(typeof(WebhookRequests)).LogWarning(
                "Refused a {Platform} webhook for store {StoreId} from {RemoteAddress}: {Reason}", platform, storeId, http.Connection.RemoteIpAddress, receipt.Message);
        }

        return receipt.Outcome switch
        {
            WebhookOutcome.UnknownStore => Answer(StatusCodes.Status404NotFound, "unknown_store", receipt.Message),
            WebhookOutcome.Forged => Answer(StatusCodes.Status401Unauthorized, "bad_signature", receipt.Message),
            _ => Answer(StatusCodes.Status200OK, receipt.Outcome.ToString().ToLowerInvariant(), receipt.Message),
        };
    }

    private static JsonHttpResult<WebhookAnswer> Answer(int status, string outcome, string message) =>
        TypedResults.Json(new WebhookAnswer(outcome, message), statusCode: status);

    /// <summary>
    /// Reads the body up to the cap; null when it is longer: at once when it says its length (read straight into
    /// an array of that length), else as soon as more arrives (a chunked body has no length to refuse it by).
    /// </summary>
    internal static async Task<byte[]?> ReadCappedAsync(HttpRequest request, long cap, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            if (length > cap)
            {
                return null;
            }

            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        var body = request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>The body of every webhook answer: what happened, for the sender's delivery log.</summary>
internal sealed record WebhookAnswer(string Outcome, string Message);
