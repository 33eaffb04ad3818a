using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>Posting JSON to Odoo and reading what comes back, shared by both transports.</summary>
internal static class OdooHttp
{
    public const string ClientName = "odoo";

    /// <summary>Marks a request the resilience handler may send again after a transient failure.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Portal.Odoo.Idempotent");

    /// <param name="describeNonJson">Explains a non-JSON answer the transport understands (e.g. JSON-2's 404 page for a wrong database).</param>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(
        HttpClient http, Uri url, JsonNode body, OdooCall? call, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken,
        Func<HttpStatusCode, OdooException?>? describeNonJson = null)
    {
        // A buffered body with Content-Length: Odoo 19's JSON-2 reads no chunked request body (it saw "{}" and
        // reported every argument missing), and some proxies refuse chunked requests too.
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Options.Set(Idempotent, call is null || call.IsReadOnly);
        prepare?.Invoke(request);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw OdooErrorClassifier.FromNetwork(ex, url.GetLeftPart(UriPartial.Authority), call?.Model, call?.Method);
        }

        using (response)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                throw describeNonJson?.Invoke(response.StatusCode) ?? ((int)response.StatusCode is 502 or 503 or 504 or 401 or 403
                    ? OdooErrorClassifier.FromHttpStatus(response.StatusCode, url.GetLeftPart(UriPartial.Authority), call?.Model, call?.Method)
                    : OdooErrorClassifier.NotOdoo(url.GetLeftPart(UriPartial.Authority), $"HTTP {(int)response.StatusCode}, {mediaType ?? "no content type"} instead of JSON", call?.Model, call?.Method));
            }

            try
            {
                return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken));
            }
            catch (JsonException)
            {
                throw OdooErrorClassifier.NotOdoo(url.GetLeftPart(UriPartial.Authority), "malformed JSON", call?.Model, call?.Method);
            }
        }
    }
}
