using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// A fake WordPress with WooCommerce on real HTTP at 127.0.0.1: the REST API v3 under /wp-json/wc/v3/ (and through
/// <c>?rest_route=</c>) for orders and their refunds, products, variations, webhooks and system status, with WooCommerce's pagination
/// headers, batch limit, authentication (Basic, query string, OAuth 1.0a) and error bodies. Server setups can be
/// switched on: a server that drops the Authorization header, plain permalinks, a site WordPress thinks is not HTTPS.
/// It also sends signed webhooks and creation pings, as WooCommerce does.
/// </summary>
public sealed class FakeWooCommerceServer : IAsyncDisposable
{
    public const string WooCommerceVersion = "9.4.2";
    public const string WordPressVersion = "6.7.1";

    private static readonly Dictionary<string, (string Code, string Message)> Refusals = new()
    {
        ["list"] = ("woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
        ["read"] = ("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
        ["create"] = ("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."),
        ["edit"] = ("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."),
        ["delete"] = ("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource."),
        ["batch"] = ("woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource."),
    };

    private static readonly string[] BatchOperations = ["create", "update", "delete"];

    private static readonly string[] OrderStatuses = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "trash"];

    private readonly ConcurrentQueue<FakeWooCommerceRequest> requests = new();
    private readonly ConcurrentBag<FakeWooCommerceKey> keys = [];
    private readonly FakeWooCommerceAuthentication authentication;
    private readonly FakeWooCommerceHookshot hookshot;
    private volatile bool secure = true;
    private volatile bool stripsAuthorizationHeader;
    private volatile bool plainPermalinks;
    private volatile bool pingOnCreate = true;
    private LoopbackServer host = default!;

    private FakeWooCommerceServer(TimeProvider time)
    {
        Shop = new FakeWooCommerceShop(() => Url, time);
        Images = new FakeWooCommerceImages(Shop, () => Url);
        authentication = new FakeWooCommerceAuthentication(() => keys, time);
        hookshot = new FakeWooCommerceHookshot(Shop, () => Url, $"WooCommerce/{WooCommerceVersion} Hookshot (WordPress/{WordPressVersion})");
        ReadWriteKey = AddKey("read_write");
        ReadOnlyKey = AddKey("read");
    }

    /// <summary>The WordPress home address, e.g. http://127.0.0.1:5123/.</summary>
    public Uri Url => host.Url;

    public FakeWooCommerceShop Shop { get; }

    /// <summary>The images the site downloaded when a product write named them by src.</summary>
    public FakeWooCommerceImages Images { get; }

    public FakeWooCommerceShipping Shipping { get; } = new();

    public FakeWooCommerceKey ReadWriteKey { get; }

    public FakeWooCommerceKey ReadOnlyKey { get; }

    public string SiteName { get; set; } = "Fake &amp; Sons Shop";

    public string Currency { get; set; } = "EUR";

    /// <summary>WooCommerce's batch limit (<c>woocommerce_rest_batch_items_limit</c>): 100 unless a plugin lowers it.</summary>
    public int BatchLimit { get; set; } = 100;

    /// <summary>
    /// What WordPress's <c>is_ssl()</c> says: true (the default) stands for HTTPS ended at a proxy, where WooCommerce
    /// takes Basic auth; false for plain HTTP, where it takes only OAuth 1.0a signatures, over an http:// base URL.
    /// </summary>
    public bool Secure { get => secure; set => secure = value; }

    /// <summary>Apache with PHP as CGI/FastCGI: the Authorization header never reaches WordPress.</summary>
    public bool StripsAuthorizationHeader { get => stripsAuthorizationHeader; set => stripsAuthorizationHeader = value; }

    /// <summary>Permalinks set to "Plain": /wp-json/... is the web server's 404 page; only <c>?rest_route=</c> reaches the API.</summary>
    public bool PlainPermalinks { get => plainPermalinks; set => plainPermalinks = value; }

    /// <summary>Creating a webhook through the API pings its address, as WooCommerce does (the outcome is ignored).</summary>
    public bool PingOnCreate { get => pingOnCreate; set => pingOnCreate = value; }

    /// <summary>Every request answered, in order.</summary>
    public IReadOnlyList<FakeWooCommerceRequest> Requests => requests.ToArray();

    /// <summary>Every webhook delivery and ping sent, in order.</summary>
    public IReadOnlyList<FakeWooCommerceDelivery> Deliveries => hookshot.Deliveries;

    /// <param name="time">The site's clock: the OAuth timestamp window and the dates it writes.</param>
    /// <param name="port">0 for a free port.</param>
    public static async Task<FakeWooCommerceServer> StartAsync(TimeProvider? time = null, int port = 0)
    {
        var server = new FakeWooCommerceServer(time ?? TimeProvider.System);
        server.host = await LoopbackServer.StartAsync(app => app.Run(server.HandleAsync), port);
        return server;
    }

    public FakeWooCommerceKey AddKey(string permissions)
    {
        var key = FakeWooCommerceKey.Generate(permissions);
        keys.Add(key);
        return key;
    }

    public void ClearRequests() => requests.Clear();

    /// <summary>
    /// Delivers <paramref name="webhookId"/>'s topic for one resource: the resource's v3 JSON as it is now (only its id
    /// for a "deleted" topic), signed with the webhook's secret. Only active webhooks deliver.
    /// </summary>
    public Task<FakeWooCommerceDelivery> SendWebhookAsync(long webhookId, long resourceId)
    {
        var webhook = ActiveWebhook(webhookId);
        JsonNode payload = webhook.Event == "deleted"
            ? new JsonObject { ["id"] = resourceId }
            : webhook.Resource switch
            {
                "order" => Shop.Order(resourceId),
                "product" => Shop.Product(resourceId),
                _ => throw new NotSupportedException($"The fake delivers order and product webhooks, not {webhook.Topic}."),
            } ?? throw new InvalidOperationException($"The fake site has no {webhook.Resource} {resourceId}.");
        return hookshot.DeliverAsync(webhook, payload);
    }

    /// <summary>
    /// Delivers <paramref name="topic"/> (order.created, order.updated, order.deleted) for an order to every active
    /// webhook subscribed to it, as WooCommerce does when the order is saved.
    /// </summary>
    public async Task<IReadOnlyList<FakeWooCommerceDelivery>> SendOrderWebhookAsync(long orderId, string topic = "order.updated")
    {
        var subscribed = Shop.Webhooks.Where(webhook => webhook.Topic == topic && webhook.Status == "active").ToList();
        if (subscribed.Count == 0)
        {
            throw new InvalidOperationException($"No active webhook of the fake site is subscribed to {topic}.");
        }

        var deliveries = new List<FakeWooCommerceDelivery>();
        foreach (var webhook in subscribed)
        {
            deliveries.Add(await SendWebhookAsync(webhook.Id, orderId));
        }

        return deliveries;
    }

    /// <summary>Sends the ping WooCommerce sends when a webhook is created: <c>webhook_id=N</c>, form-encoded, unsigned.</summary>
    public Task<FakeWooCommerceDelivery> SendPingAsync(long webhookId) =>
        hookshot.PingAsync(Shop.Webhook(webhookId) ?? throw new InvalidOperationException($"The fake site has no webhook {webhookId}."));

    private FakeWooCommerceWebhook ActiveWebhook(long webhookId) =>
        Shop.Webhook(webhookId) is { Status: "active" } webhook
            ? webhook
            : throw new InvalidOperationException($"Webhook {webhookId} does not exist or is not active; WooCommerce would not deliver it.");

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = RouteOf(request);
        var caller = FakeWooCommerceCaller.Nobody;
        if (route is null)
        {
            await HtmlAsync(context, request.Path == "/" && !request.Query.ContainsKey("rest_route") ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        }
        else
        {
            try
            {
                // WooCommerce authenticates requests to its own namespaces only.
                if (route.StartsWith("/wc/", StringComparison.Ordinal) || route == "/wc")
                {
                    caller = authentication.Authenticate(request, Secure, StripsAuthorizationHeader);
                    if ((caller.Error ?? (caller.Key is { } key ? FakeWooCommerceAuthentication.Refusal(key, request.Method) : null)) is { } refused)
                    {
                        throw refused;
                    }
                }

                await AnswerAsync(context, await DispatchAsync(request, route, caller));
            }
            catch (FakeWooCommerceException error)
            {
                await JsonAsync(context, error.Status, error.ToJson());
            }
        }

        requests.Enqueue(new FakeWooCommerceRequest(request.Method, route, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            caller.Mechanism, context.Response.StatusCode));
    }

    /// <summary>The REST route of a request: after /wp-json (unless permalinks are plain), or in <c>?rest_route=</c>.</summary>
    private string? RouteOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path == "/wp-json" || path.StartsWith("/wp-json/", StringComparison.Ordinal))
        {
            return PlainPermalinks ? null : "/" + path["/wp-json".Length..].Trim('/');
        }

        return path == "/" && request.Query["rest_route"].ToString() is { Length: > 0 } route ? "/" + route.Trim('/') : null;
    }

    private async Task<FakeWooCommerceAnswer> DispatchAsync(HttpRequest request, string route, FakeWooCommerceCaller caller)
    {
        if (route == "/")
        {
            return FakeWooCommerceAnswer.Ok(SiteIndex());
        }

        if (route == "/wc/v3")
        {
            return FakeWooCommerceAnswer.Ok(new JsonObject { ["namespace"] = "wc/v3", ["routes"] = new JsonObject() });
        }

        string[] segments = route.StartsWith("/wc/v3/", StringComparison.Ordinal) ? route["/wc/v3/".Length..].Split('/') : [];
        var query = request.Query;
        (string Operation, Func<JsonObject, Task<FakeWooCommerceAnswer>> Run)? endpoint = (request.Method, segments) switch
        {
            ("GET", ["system_status"]) => ("list", _ => Answer(SystemStatus())),
            ("GET", ["orders"]) => ("list", _ => Answer(ListOrders(query))),
            ("GET", ["orders", var id]) when IsId(id) => ("read", _ => Answer(Shop.Order(Id(id)) ?? throw FakeWooCommerceException.InvalidId("shop_order", 404))),
            ("PUT" or "PATCH", ["orders", var id]) when IsId(id) => ("edit", body => Answer(UpdateOrder(Id(id), body))),
            ("GET", ["orders", var order, "notes"]) when IsId(order) => ("list", _ => Answer(new JsonArray([.. Shop.OrderNotes(Id(order))]))),
            ("POST", ["orders", var order, "notes"]) when IsId(order) => ("create", body => Answer(new FakeWooCommerceAnswer(201, Shop.AddOrderNote(Id(order), body)))),
            ("GET", ["orders", var order, "refunds"]) when IsId(order) => ("list", _ => Answer(Paged([.. Shop.ListRefunds(Id(order))], query))),
            ("GET", ["orders", var order, "refunds", var id]) when IsId(order) && IsId(id) => ("read", _ => Answer(Shop.OrderRefund(Id(order), Id(id)))),
            ("GET", ["products"]) => ("list", _ => Answer(Paged(Shop.Products.OrderByDescending(IdOf).ToList(), query))),
            ("GET", ["products", var id]) when IsId(id) => ("read", _ => Answer(Shop.Product(Id(id)) ?? throw FakeWooCommerceException.InvalidId("product", 404))),
            ("PUT" or "PATCH", ["products", var id]) when IsId(id) => ("edit", async body =>
            {
                await Images.ResolveAsync(Id(id), body);
                return FakeWooCommerceAnswer.Ok(Shop.UpdateProduct(Id(id), body));
            }),
            ("POST", ["products", "batch"]) => ("batch", body => Answer(Batch(body, Shop.CreateProduct, item => Shop.UpdateProduct(IdOf(item), item), Shop.DeleteProduct))),
            ("GET", ["products", var product, "variations"]) when IsId(product) =>
                ("list", _ => Answer(Paged(Shop.ListVariations(Id(product)).OrderByDescending(IdOf).ToList(), query))),
            ("GET", ["products", var product, "variations", var id]) when IsId(product) && IsId(id) =>
                ("read", _ => Answer(Shop.Variation(Id(id)) ?? throw FakeWooCommerceException.InvalidId("product_variation", 404))),
            ("PUT" or "PATCH", ["products", var product, "variations", var id]) when IsId(product) && IsId(id) =>
                ("edit", body => Answer(Shop.UpdateVariation(Id(product), Id(id), body))),
            ("POST", ["products", var product, "variations", "batch"]) when IsId(product) => ("batch", body => Answer(Batch(body,
                item => Shop.CreateVariation(Id(product), item),
                item => Shop.UpdateVariation(Id(product), IdOf(item), item),
                id => Shop.DeleteVariation(Id(product), id)))),
            ("GET", ["shipping", "zones"]) => ("list", _ => Answer(Shipping.Zones())),
            ("GET", ["shipping", "zones", var zone, "methods"]) when IsId(zone) => ("list", _ => Answer(Shipping.Methods(Id(zone)))),
            ("POST", ["shipping", "zones", var zone, "methods"]) when IsId(zone) => ("create", body => Answer(Shipping.AddMethod(Id(zone), body))),
            ("GET", ["webhooks"]) => ("list", _ => Answer(ListWebhooks(query))),
            ("POST", ["webhooks"]) => ("create", CreateWebhookAsync),
            ("GET", ["webhooks", var id]) when IsId(id) => ("read", _ => Answer(Shop.WebhookJson(Shop.Webhook(Id(id)) ?? throw FakeWooCommerceException.InvalidId("shop_webhook", 404)))),
            ("PUT" or "PATCH", ["webhooks", var id]) when IsId(id) => ("edit", body => Answer(Shop.WebhookJson(Shop.UpdateWebhook(Id(id), body)))),
            ("DELETE", ["webhooks", var id]) when IsId(id) => ("delete", _ => Answer(DeleteWebhook(Id(id), query))),
            ("POST", ["webhooks", "batch"]) => ("batch", body => Answer(Batch(body,
                item => Shop.WebhookJson(NewWebhook(item)),
                item => Shop.WebhookJson(Shop.UpdateWebhook(IdOf(item), item)),
                id => DeleteWebhook(id, null)))),
            _ => null,
        };

        if (endpoint is not { } found)
        {
            throw new FakeWooCommerceException("rest_no_route", "No route was found matching the URL and request method.", 404);
        }

        // A route's own permission check: without a user (no key arrived, or an unknown one) WordPress answers 401.
        if (caller.Key is null)
        {
            var (code, message) = Refusals[found.Operation];
            throw new FakeWooCommerceException(code, message, 401);
        }

        return await found.Run(await BodyAsync(request));
    }

    private async Task<FakeWooCommerceAnswer> CreateWebhookAsync(JsonObject body)
    {
        var webhook = NewWebhook(body);
        if (PingOnCreate)
        {
            await hookshot.PingAsync(webhook);
        }

        return new FakeWooCommerceAnswer(201, Shop.WebhookJson(webhook));
    }

    // The fake edits an order's status only; WooCommerce refuses a status it does not know with rest_invalid_param.
    private JsonObject UpdateOrder(long id, JsonObject body)
    {
        if (body.Any(field => field.Key != "status"))
        {
            throw new NotSupportedException($"The fake site edits an order's status only, not {string.Join(", ", body.Select(f => f.Key).Where(k => k != "status"))}.");
        }

        var status = Text(body, "status");
        return status is null || !OrderStatuses.Contains(status)
            ? throw FakeWooCommerceException.InvalidParameter("status", $"status is not one of {string.Join(", ", OrderStatuses)}.")
            : Shop.SetOrderStatus(id, status);
    }

    private FakeWooCommerceWebhook NewWebhook(JsonObject body)
    {
        var topic = Text(body, "topic");
        if (!IsWebhookTopic(topic))
        {
            throw new FakeWooCommerceException("woocommerce_rest_shop_webhook_invalid_topic", "Webhook topic is required and must be valid.", 400);
        }

        if (!Uri.TryCreate(Text(body, "delivery_url"), UriKind.Absolute, out var address) || (address.Scheme != "http" && address.Scheme != "https"))
        {
            throw new FakeWooCommerceException("woocommerce_rest_shop_webhook_missing_delivery_url", "Webhook delivery URL must be provided.", 400);
        }

        var status = Text(body, "status") ?? "active";
        if (status is not ("active" or "paused" or "disabled"))
        {
            throw FakeWooCommerceException.InvalidParameter("status", "status is not one of active, paused, and disabled.");
        }

        return Shop.AddWebhook(topic!, address, Text(body, "secret") ?? "", status, Text(body, "name"));
    }

    private JsonObject DeleteWebhook(long id, IQueryCollection? query)
    {
        if (query is not null && query["force"] is not ["true" or "1"])
        {
            throw new FakeWooCommerceException("woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.", 501);
        }

        var webhook = Shop.Webhook(id) ?? throw FakeWooCommerceException.InvalidId("shop_webhook", 404);
        Shop.RemoveWebhook(id);
        return Shop.WebhookJson(webhook);
    }

    private FakeWooCommerceAnswer ListOrders(IQueryCollection query)
    {
        var gmt = query["dates_are_gmt"] is ["true" or "1"];
        var modifiedAfter = DateParameter(query, "modified_after");
        var modifiedBefore = DateParameter(query, "modified_before");
        var status = query["status"].ToString();
        if (status.Length > 0 && status != "any" && !OrderStatuses.Contains(status))
        {
            throw FakeWooCommerceException.InvalidParameter("status", $"status[0] is not one of any, {string.Join(", ", OrderStatuses)}.");
        }

        var orderBy = query["orderby"].ToString() is { Length: > 0 } requested ? requested : "date";
        Func<JsonObject, string> key = orderBy switch
        {
            "date" => order => Text(order, "date_created_gmt")!,
            "modified" => order => Text(order, gmt ? "date_modified_gmt" : "date_modified")!,
            "id" or "include" or "title" or "slug" => order => IdOf(order).ToString("D20", CultureInfo.InvariantCulture),
            _ => throw FakeWooCommerceException.InvalidParameter("orderby", "orderby is not one of date, id, include, title, slug, and modified."),
        };
        var descending = (query["order"].ToString() is { Length: > 0 } order ? order : "desc") switch
        {
            "asc" => false,
            "desc" => true,
            _ => throw FakeWooCommerceException.InvalidParameter("order", "order is not one of asc, and desc."),
        };

        var modifiedField = gmt ? "date_modified_gmt" : "date_modified";
        var matching = Shop.Orders
            .Where(order => status.Length == 0 || status == "any" ? Text(order, "status") != "trash" : Text(order, "status") == status)
            .Where(order => modifiedAfter is null || Time(Text(order, modifiedField)) > modifiedAfter)
            .Where(order => modifiedBefore is null || Time(Text(order, modifiedField)) < modifiedBefore);
        var sorted = descending
            ? matching.OrderByDescending(key, StringComparer.Ordinal).ThenByDescending(IdOf)
            : matching.OrderBy(key, StringComparer.Ordinal).ThenBy(IdOf);
        return Paged(sorted.ToList(), query);
    }

    private FakeWooCommerceAnswer ListWebhooks(IQueryCollection query)
    {
        var status = query["status"].ToString() is { Length: > 0 } requested ? requested : "all";
        if (status is not ("all" or "active" or "paused" or "disabled"))
        {
            throw FakeWooCommerceException.InvalidParameter("status", "status is not one of all, active, paused, and disabled.");
        }

        return Paged(Shop.Webhooks.Where(w => status == "all" || w.Status == status).OrderByDescending(w => w.Id).Select(Shop.WebhookJson).ToList(), query);
    }

    /// <summary>
    /// <c>WC_REST_Controller::batch_items</c>: at most <see cref="BatchLimit"/> objects in all, else 413; each object's
    /// failure goes in the answer as <c>{"id", "error": {"code", "message", "data"}}</c> while the others are done.
    /// </summary>
    private JsonNode Batch(JsonObject body, Func<JsonObject, JsonObject> create, Func<JsonObject, JsonObject> update, Func<long, JsonObject> delete)
    {
        var total = BatchOperations.Sum(name => body[name] is JsonArray items ? items.Count : 0);
        if (total > BatchLimit)
        {
            throw new FakeWooCommerceException("woocommerce_rest_request_entity_too_large",
                $"Unable to accept more than {BatchLimit} items for this request.", 413);
        }

        var answer = new JsonObject();
        if (body["create"] is JsonArray creations)
        {
            answer["create"] = new JsonArray([.. creations.Select(item => Attempt(() => create(item!.AsObject()), 0))]);
        }

        if (body["update"] is JsonArray updates)
        {
            answer["update"] = new JsonArray([.. updates.Select(item => Attempt(() => update(item!.AsObject()), item!["id"]?.DeepClone()))]);
        }

        if (body["delete"] is JsonArray deletions)
        {
            answer["delete"] = new JsonArray([.. deletions.Select(item => item!.GetValue<long>()).Where(id => id != 0).Select(id => Attempt(() => delete(id), id))]);
        }

        // PHP's empty array: a batch with nothing in it answers [].
        return answer.Count > 0 ? answer : new JsonArray();
    }

    private static JsonObject Attempt(Func<JsonObject> operation, JsonNode? id)
    {
        try
        {
            return operation();
        }
        catch (FakeWooCommerceException error)
        {
            var failure = error.ToJson();
            return new JsonObject
            {
                ["id"] = id,
                ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message, ["data"] = failure["data"]!.DeepClone() },
            };
        }
    }

    private static FakeWooCommerceAnswer Paged(List<JsonObject> items, IQueryCollection query)
    {
        var perPage = IntegerParameter(query, "per_page", 10, 1, 100);
        var page = IntegerParameter(query, "page", 1, 1, int.MaxValue);
        var totalPages = (items.Count + perPage - 1) / perPage;
        return new FakeWooCommerceAnswer(200, new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage)]), items.Count, totalPages, page);
    }

    private JsonObject SystemStatus() => new()
    {
        ["environment"] = new JsonObject
        {
            ["home_url"] = Url.AbsoluteUri.TrimEnd('/'),
            ["site_url"] = Url.AbsoluteUri.TrimEnd('/'),
            ["version"] = WooCommerceVersion,
            ["wp_version"] = WordPressVersion,
            ["wp_multisite"] = false,
            ["language"] = "en_US",
            ["server_info"] = "Apache/2.4.62 (Debian)",
            ["php_version"] = "8.3.14",
            ["default_timezone"] = "UTC",
        },
        ["database"] = new JsonObject { ["wc_database_version"] = WooCommerceVersion, ["database_prefix"] = "wp_" },
        ["active_plugins"] = new JsonArray(),
        ["theme"] = new JsonObject { ["name"] = "Storefront", ["version"] = "4.6.0" },
        ["settings"] = new JsonObject
        {
            ["api_enabled"] = true,
            ["force_ssl"] = false,
            ["currency"] = Currency,
            ["currency_symbol"] = "&euro;",
            ["currency_position"] = "right_space",
            ["thousand_separator"] = ".",
            ["decimal_separator"] = ",",
            ["number_of_decimals"] = 2,
        },
        ["security"] = new JsonObject { ["secure_connection"] = Secure, ["hide_errors"] = true },
        ["pages"] = new JsonArray(),
    };

    private JsonObject SiteIndex() => new()
    {
        ["name"] = SiteName,
        ["description"] = "Just another WordPress site",
        ["url"] = Url.AbsoluteUri.TrimEnd('/'),
        ["home"] = Url.AbsoluteUri.TrimEnd('/'),
        ["gmt_offset"] = "0",
        ["timezone_string"] = "",
        ["namespaces"] = new JsonArray("oembed/1.0", "wc/v3", "wp/v2"),
        ["authentication"] = new JsonArray(),
        ["routes"] = new JsonObject(),
    };

    private static async Task AnswerAsync(HttpContext context, FakeWooCommerceAnswer answer)
    {
        var body = Fields(answer.Body, context.Request.Query["_fields"].ToString());
        if (answer.Total is { } total && answer.TotalPages is { } totalPages)
        {
            context.Response.Headers["X-WP-Total"] = total.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-WP-TotalPages"] = totalPages.ToString(CultureInfo.InvariantCulture);
            var links = new List<string>();
            if (answer.Page > 1)
            {
                links.Add($"<{PageLink(context.Request, answer.Page - 1)}>; rel=\"prev\"");
            }

            if (answer.Page < totalPages)
            {
                links.Add($"<{PageLink(context.Request, answer.Page + 1)}>; rel=\"next\"");
            }

            if (links.Count > 0)
            {
                context.Response.Headers.Link = string.Join(", ", links);
            }
        }

        await JsonAsync(context, answer.Status, body);
    }

    // The listing's own address with another page; the key stays out of it.
    private static string PageLink(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(pair => pair.Key is not ("page" or "consumer_key" or "consumer_secret") && !pair.Key.StartsWith("oauth_", StringComparison.Ordinal))
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value.ToString())}")
            .Append($"page={page}");
        return $"{request.Scheme}://{request.Host}{request.Path}?{string.Join('&', query)}";
    }

    /// <summary>WordPress's <c>_fields</c>: only the named top-level fields of an object, or of each object of a list.</summary>
    private static JsonNode Fields(JsonNode body, string fields)
    {
        if (fields.Length == 0)
        {
            return body;
        }

        var wanted = fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        JsonNode Keep(JsonNode? node) => node is JsonObject item
            ? new JsonObject(item.Where(field => wanted.Contains(field.Key)).Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone())))
            : node!.DeepClone();
        return body is JsonArray items ? new JsonArray([.. items.Select(Keep)]) : Keep(body);
    }

    private static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return [];
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            throw new FakeWooCommerceException("rest_invalid_json", "Invalid JSON body passed.", 400);
        }
    }

    private static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static async Task HtmlAsync(HttpContext context, HttpStatusCode status)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/html; charset=iso-8859-1";
        await context.Response.WriteAsync(status == HttpStatusCode.OK
            ? "<!DOCTYPE html><html><head><title>Fake Shop</title></head><body><h1>Fake Shop</h1></body></html>"
            : "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>");
    }

    private static DateTimeOffset? DateParameter(IQueryCollection query, string name) =>
        query[name].ToString() is not { Length: > 0 } text ? null
        : Time(text) is { } time ? time
        : throw FakeWooCommerceException.InvalidParameter(name, "Invalid date.");

    private static int IntegerParameter(IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (query[name].ToString() is not { Length: > 0 } text)
        {
            return fallback;
        }

        return !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? throw FakeWooCommerceException.InvalidParameter(name, $"{name} is not of type integer.")
            : value < min || value > max ? throw FakeWooCommerceException.InvalidParameter(name,
                max == int.MaxValue ? $"{name} must be greater than or equal to {min}" : $"{name} must be between {min} (inclusive) and {max} (inclusive)")
            : value;
    }

    private static bool IsWebhookTopic(string? topic) =>
        topic?.Split('.') is ["action", { Length: > 0 }]
        || topic?.Split('.') is ["coupon" or "customer" or "order" or "product", "created" or "updated" or "deleted" or "restored"];

    private static Task<FakeWooCommerceAnswer> Answer(JsonNode body) => Task.FromResult(FakeWooCommerceAnswer.Ok(body));

    private static Task<FakeWooCommerceAnswer> Answer(FakeWooCommerceAnswer answer) => Task.FromResult(answer);

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string? Text(JsonObject item, string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long IdOf(JsonObject item) => item["id"]?.GetValue<long>() ?? 0;

    private static bool IsId(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static long Id(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        hookshot.Dispose();
        Images.Dispose();
        await host.DisposeAsync();
    }
}
