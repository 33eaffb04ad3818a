using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// WooCommerce's REST API v3 (<c>{site}/wp-json/wc/v3/</c>) for one store, over the named HTTP client. It works around
/// two common server setups and remembers them per site: a server that drops the Authorization header (keys then go
/// in the query string) and plain permalinks (routes then go through <c>?rest_route=</c>). Every failure is a
/// classified <see cref="StoreApiException"/>.
/// </summary>
internal sealed class WooCommerceRestClient(
    HttpClient http, WooCommerceSite site, WooCommerceCredentials credentials, WooCommerceSiteQuirks quirks, WooCommerceOptions options)
{
    private const string Namespace = "wc/v3";

    public WooCommerceSite Site => site;

    public async Task<JsonElement> GetAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        Success(await ExchangeAsync(HttpMethod.Get, Route(path), query, null, cancellationToken));

    /// <summary>The resource, or null when WooCommerce says it does not exist (404 with its own error).</summary>
    public async Task<JsonElement?> FindAsync(string path, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(HttpMethod.Get, Route(path), [], null, cancellationToken);
        return IsAbsent(response) ? null : Success(response);
    }

    /// <summary>The WordPress REST index (<c>/wp-json/</c>): the site's name and description.</summary>
    public async Task<JsonElement> GetSiteIndexAsync(IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        Success(await ExchangeAsync(HttpMethod.Get, "", query, null, cancellationToken));

    public async Task<WooCommercePage> GetPageAsync(
        string path, IReadOnlyList<KeyValuePair<string, string>> query, int page, CancellationToken cancellationToken)
    {
        KeyValuePair<string, string>[] paged =
        [
            .. query,
            KeyValuePair.Create("per_page", options.PageSize.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("page", page.ToString(CultureInfo.InvariantCulture)),
        ];
        var response = await ExchangeAsync(HttpMethod.Get, Route(path), paged, null, cancellationToken);
        var body = Success(response);
        return body.ValueKind == JsonValueKind.Array
            ? new WooCommercePage(body.EnumerateArray().ToList(), page, response.TotalPages ?? page)
            : throw new StoreApiException(StoreApiErrorKind.Protocol, $"{site} answered {path} with {body.ValueKind} instead of a list.");
    }

    /// <summary>Every page of a listing, following <c>X-WP-TotalPages</c>.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetAllAsync(
        string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var listed = await GetPageAsync(path, query, page, cancellationToken);
            items.AddRange(listed.Items);
            if (!listed.HasNext)
            {
                return items;
            }
        }
    }

    public async Task<JsonElement> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        Success(await ExchangeAsync(HttpMethod.Post, Route(path), [], body, cancellationToken));

    public async Task<JsonElement> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        Success(await ExchangeAsync(HttpMethod.Put, Route(path), [], body, cancellationToken));

    /// <summary>Deletes a resource; one that no longer exists is not an error.</summary>
    public async Task DeleteAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(HttpMethod.Delete, Route(path), query, null, cancellationToken);
        if (!IsAbsent(response))
        {
            Success(response);
        }
    }

    /// <summary>
    /// Sends a batch to <c>{path}/batch</c> in requests of at most <see cref="WooCommerceOptions.BatchSize"/> objects.
    /// A request that fails throws; what earlier requests did stays done.
    /// </summary>
    public async Task<WooCommerceBatchResult> BatchAsync(string path, WooCommerceBatch batch, CancellationToken cancellationToken)
    {
        IEnumerable<(string Operation, JsonNode Item)> operations =
        [
            .. batch.Create.Select(item => ("create", item.DeepClone())),
            .. batch.Update.Select(item => ("update", item.DeepClone())),
            .. batch.Delete.Select(id => ("delete", (JsonNode)JsonValue.Create(id))),
        ];
        var done = new Dictionary<string, List<JsonElement>> { ["create"] = [], ["update"] = [], ["delete"] = [] };
        var failures = new List<WooCommerceBatchFailure>();
        foreach (var chunk in operations.Chunk(options.BatchSize))
        {
            var body = new JsonObject();
            foreach (var group in chunk.GroupBy(operation => operation.Operation))
            {
                body[group.Key] = new JsonArray([.. group.Select(operation => operation.Item)]);
            }

            var answer = await PostAsync($"{path}/batch", body, cancellationToken);
            foreach (var (operation, results) in done)
            {
                foreach (var item in BatchItems(answer, operation))
                {
                    if (item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                    {
                        failures.Add(new WooCommerceBatchFailure(operation, IdOf(item), TextOf(error, "code"), TextOf(error, "message")));
                    }
                    else
                    {
                        results.Add(item);
                    }
                }
            }
        }

        return new WooCommerceBatchResult(done["create"], done["update"], done["delete"], failures);
    }

    /// <summary>
    /// One call, with the fallbacks a site's setup needs; the answer is returned whether it succeeded or not, except
    /// that a write refused for a key that can read is reported as the read-only key it is.
    /// </summary>
    private async Task<WooCommerceResponse> ExchangeAsync(
        HttpMethod method, string route, IReadOnlyList<KeyValuePair<string, string>> query, JsonNode? body, CancellationToken cancellationToken)
    {
        var known = quirks.Of(site.Address);
        var response = await SendAsync(method, route, query, body, known, cancellationToken);
        if (response.LacksRestApi && !known.HasFlag(WooCommerceSiteQuirk.PlainPermalinks))
        {
            known |= WooCommerceSiteQuirk.PlainPermalinks;
            response = await SendAsync(method, route, query, body, known, cancellationToken);
            if (response.Json is null)
            {
                throw WooCommerceErrors.PlainPermalinks();
            }

            quirks.Remember(site.Address, WooCommerceSiteQuirk.PlainPermalinks);
        }

        if (response.LacksRestApi)
        {
            throw WooCommerceErrors.PlainPermalinks();
        }

        if (response.ArrivedWithoutUser && PlacementFor(known) == WooCommerceKeyPlacement.BasicHeader)
        {
            known |= WooCommerceSiteQuirk.StripsAuthorizationHeader;
            response = await SendAsync(method, route, query, body, known, cancellationToken);
            if (!response.ArrivedWithoutUser)
            {
                quirks.Remember(site.Address, WooCommerceSiteQuirk.StripsAuthorizationHeader);
            }
        }

        // WooCommerce words "no write permission" and "wrong secret" alike (same code and status, a message in the
        // site's language), so a read that works tells the read-only key apart: the namespace index needs no
        // permission but does check the key, and _fields keeps its answer small.
        if (response.KeyRefused && method != HttpMethod.Get
            && (await SendAsync(HttpMethod.Get, Namespace, [KeyValuePair.Create("_fields", "namespace")], null, known, cancellationToken)).IsSuccess)
        {
            throw WooCommerceErrors.ReadOnlyKey(response);
        }

        return response;
    }

    private async Task<WooCommerceResponse> SendAsync(
        HttpMethod method, string route, IReadOnlyList<KeyValuePair<string, string>> query, JsonNode? body, WooCommerceSiteQuirk known,
        CancellationToken cancellationToken)
    {
        var address = site.Url(route, query, known.HasFlag(WooCommerceSiteQuirk.PlainPermalinks));

        // A buffered body with Content-Length: some PHP setups read no chunked request body.
        using var request = new HttpRequestMessage(method, address)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Options.Set(WooCommerceHttp.Key, new WooCommerceKeyUse(credentials, PlacementFor(known), address));
        request.Options.Set(WooCommerceHttp.Idempotent, method == HttpMethod.Get || method == HttpMethod.Delete);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync(response, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw WooCommerceErrors.Unreachable(site, ex);
        }
    }

    private async Task<WooCommerceResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var totalPages = response.Headers.TryGetValues("X-WP-TotalPages", out var values)
                         && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages
            : (int?)null;
        var answer = new WooCommerceResponse(response.StatusCode, mediaType, null, totalPages);
        if (mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return answer;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return answer with { Json = document.RootElement.Clone() };
        }
        catch (JsonException)
        {
            throw WooCommerceErrors.MalformedJson(site, answer);
        }
    }

    private WooCommerceKeyPlacement PlacementFor(WooCommerceSiteQuirk known) =>
        site.SignsRequests ? WooCommerceKeyPlacement.OAuth1Signature
        : known.HasFlag(WooCommerceSiteQuirk.StripsAuthorizationHeader) ? WooCommerceKeyPlacement.QueryString
        : WooCommerceKeyPlacement.BasicHeader;

    private JsonElement Success(WooCommerceResponse response) =>
        !response.IsSuccess ? throw WooCommerceErrors.FromResponse(site, response)
        : response.Json ?? throw WooCommerceErrors.NotJson(site, response);

    private static bool IsAbsent(WooCommerceResponse response) =>
        response.Status == HttpStatusCode.NotFound && response.Json is not null && response.Code != "rest_no_route";

    private static string Route(string path) => $"{Namespace}/{path}";

    // An empty batch comes back as [] (PHP's empty array), without the three lists.
    private static List<JsonElement> BatchItems(JsonElement answer, string operation) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(operation, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().ToList()
            : [];

    // A refused creation has id 0; an update echoes the id it was sent, a number or text.
    private static string? IdOf(JsonElement item) =>
        !item.TryGetProperty("id", out var id) ? null
        : id.ValueKind == JsonValueKind.Number ? (id.GetRawText() is var number && number != "0" ? number : null)
        : id.ValueKind == JsonValueKind.String ? id.GetString()
        : null;

    private static string TextOf(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
