using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Fakes.Orders;

namespace Portal.Fakes.Shopify;

/// <summary>
/// A fake Shopify shop on real HTTP at 127.0.0.1: the Admin GraphQL endpoint for the operations the connector
/// sends (shop, currentAppInstallation, orders, order, webhookSubscriptions, webhookSubscriptionCreate/Delete,
/// productVariants(Count), product, productSet, a location's inventoryLevels and inventory items by nodes(ids:)
/// for items stocked with StockItem, fulfillmentOrders, fulfillmentCreate,
/// inventorySetQuantities), answered from in-memory state; the access token checked (401 as Shopify words it);
/// a leaky cost bucket on a <see cref="TimeProvider"/> with THROTTLED answers like Shopify's and extensions.cost on
/// every answer; page sizes over 250 and mutations lacking a required <c>@idempotent</c> refused; the OAuth code
/// exchange; and signed webhook deliveries to any address. Error texts Shopify does not document are approximations.
/// Orders come either as ready GraphQL objects (<see cref="AddOrder(JsonObject)"/>) or from a platform-neutral
/// <see cref="FakeOrderSpec"/> (<see cref="AddOrder(FakeOrderSpec, DateTimeOffset?)"/>), which the shop then pays,
/// refunds, cancels and edits as Shopify would, answering the Order, Refund and OrdersChangedSince queries and
/// sending the order's and refunds' webhooks in their REST shapes.
/// </summary>
public sealed partial class FakeShopifyServer : IAsyncDisposable
{
    public const string ShopDomain = "fake-shop.myshopify.com";
    public const string InvalidTokenBody = "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";
    public const double SingleQueryMaxCost = 1000;

    // From the 2026-04 schema on, these say "the idempotency key is required and must be provided using the @idempotent directive".
    private static readonly HashSet<string> IdempotentMutations =
    [
        "inventorySetQuantities", "inventoryAdjustQuantities", "inventoryMoveQuantities", "inventorySetOnHandQuantities", "inventoryActivate",
        "refundCreate", "locationActivate", "locationDeactivate",
    ];

    private static readonly Dictionary<string, string> RequiredScopes = new()
    {
        ["orders"] = "read_orders",
        ["order"] = "read_orders",
        ["refund"] = "read_orders",
        ["inventorySetQuantities"] = "write_inventory",
        ["location"] = "read_inventory",
        ["locations"] = "read_locations",
        ["productVariants"] = "read_products",
        ["product"] = "read_products",
        ["productSet"] = "write_products",
        ["productUpdate"] = "write_products",
        ["fileDelete"] = "write_files",
    };

    private readonly HttpClient webhookSender = new();
    private readonly ConcurrentDictionary<string, int> rootFieldCalls = new();
    private readonly ConcurrentDictionary<long, FakeShopifyWebhookSubscription> subscriptions = new();
    private readonly ConcurrentDictionary<(string Item, string Location), int> inventory = new();
    private readonly ConcurrentDictionary<string, (string VariantGid, string Sku)> inventoryItems = new();
    private readonly ConcurrentDictionary<string, JsonNode?> idempotentResults = new();
    private readonly ConcurrentDictionary<string, byte> authorizationCodes = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, TimeSpan? RetryAfter)> injected = new();
    private readonly Lock ordersGate = new();
    private readonly Dictionary<long, FakeShopifyPlacedOrder> placedOrders = [];
    private readonly Dictionary<string, (long ProductId, long VariantId)> catalogue = [];
    private readonly TimeProvider time;
    private long nextId = 1;

    // Shopify's resource ids are 13 digits and more; one sequence for every part of every order keeps them apart.
    private long nextResourceId = 5_100_000_000_000;
    private int lastOrderNumber = 1000;
    private int requests;
    private int throttled;

    private LoopbackServer? server;

    private FakeShopifyServer(FakeShopifyBucket bucket, TimeProvider time)
    {
        Bucket = bucket;
        this.time = time;
    }

    public Uri Url => server!.Url;

    public FakeShopifyBucket Bucket { get; }

    public string AccessToken { get; set; } = "shpat_fake_access_token";

    public string ClientId { get; set; } = "fake-client-id";

    public string ClientSecret { get; set; } = "fake-client-secret";

    public string ShopName { get; set; } = "Fake Shop";

    public string Currency { get; set; } = "EUR";

    public string PlanName { get; set; } = "Basic";

    public IReadOnlyList<string> GrantedScopes { get; set; } = ["read_orders", "read_products", "write_products", "write_files", "read_inventory", "write_inventory", "read_locations"];

    /// <summary>Orders by their numeric id, as GraphQL Order objects (see <see cref="FakeShopifyOrder"/>).</summary>
    public ConcurrentDictionary<long, JsonObject> Orders { get; } = new();

    public IReadOnlyList<FakeShopifyWebhookSubscription> WebhookSubscriptions => subscriptions.Values.OrderBy(s => s.Id).ToList();

    public IReadOnlyDictionary<(string Item, string Location), int> Inventory => inventory;

    /// <summary>The shop's active locations by gid, with their names; the orders' fulfillment orders are at the first.</summary>
    public ConcurrentDictionary<string, string> Locations { get; } = new() { [$"gid://shopify/Location/{FakeShopifyPlacedOrder.LocationId}"] = "Shop location" };

    /// <summary>The API version of the last GraphQL request.</summary>
    public string? LastApiVersion { get; private set; }

    public int Requests => Volatile.Read(ref requests);

    /// <summary>How many requests were answered THROTTLED.</summary>
    public int Throttled => Volatile.Read(ref throttled);

    /// <summary>How often each root field was resolved, e.g. "order" or "inventorySetQuantities" (not counting refused requests).</summary>
    public int CallsOf(string rootField) => rootFieldCalls.GetValueOrDefault(rootField);

    /// <param name="port">0 for a free port.</param>
    public static async Task<FakeShopifyServer> StartAsync(TimeProvider? time = null, double maximumAvailable = 2000, double restoreRate = 100, int port = 0)
    {
        time ??= TimeProvider.System;
        var fake = new FakeShopifyServer(new FakeShopifyBucket(maximumAvailable, restoreRate, time), time);
        fake.server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/admin/api/{version}/graphql.json", fake.GraphQlAsync);
            app.MapPost("/admin/oauth/access_token", fake.AccessTokenAsync);
        }, port);
        return fake;
    }

    public void AddOrder(JsonObject order)
    {
        ArgumentNullException.ThrowIfNull(order);
        Orders[long.Parse(order["id"]!.GetValue<string>().Split('/')[^1], CultureInfo.InvariantCulture)] = order;
    }

    /// <summary>
    /// Places an order as <paramref name="spec"/> describes it, paid with <see cref="FakeOrderSpec.Gateway"/> unless
    /// the spec says it is unpaid; returns its id. Its products and variants are the shop's for each SKU.
    /// <paramref name="updatedAt"/> is when it was placed (the clock's now by default).
    /// </summary>
    public long AddOrder(FakeOrderSpec spec, DateTimeOffset? updatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Fees.Count > 0)
        {
            throw new ArgumentException("Shopify orders have no fee lines: fees are WooCommerce's.", nameof(spec));
        }

        lock (ordersGate)
        {
            var placedAt = WholeSeconds(updatedAt ?? time.GetUtcNow());
            var order = new FakeShopifyPlacedOrder(
                NextResourceId(), ++lastOrderNumber, spec, placedAt,
                [.. spec.Lines.Select(_ => NextResourceId())],
                [.. spec.Lines.Select(line => CatalogueEntry(line.Sku))],
                NextResourceId(),
                [.. spec.Duties.Select(_ => NextResourceId())]);
            if (spec.Paid)
            {
                order.Pay(new FakeShopifyTransaction(NextResourceId(), spec.Gateway, "SALE", "SUCCESS", spec.Total, placedAt));
            }

            // Shopify opens a fulfillment order per location that stocks the goods; the fake shop has one location.
            order.FulfillmentOrderId = NextResourceId();
            order.FulfillmentOrderLineIds = [.. spec.Lines.Select(_ => NextResourceId())];
            placedOrders[order.Id] = order;
            Publish(order);
            return order.Id;
        }
    }

    /// <summary>The state of an order placed from a spec, e.g. for the ids Shopify gave its lines.</summary>
    public FakeShopifyPlacedOrder PlacedOrder(long orderId)
    {
        lock (ordersGate)
        {
            return placedOrders[orderId];
        }
    }

    /// <summary>
    /// Refunds what <paramref name="refund"/> says through the order's gateway, for
    /// <see cref="FakeOrderMath.RefundAmount"/>; returns the refund's id. Refunded lines are no longer to ship.
    /// </summary>
    public long AddRefund(long orderId, FakeRefundSpec refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        lock (ordersGate)
        {
            var order = placedOrders[orderId];
            var at = NextUpdate(order);
            var placed = new FakeShopifyPlacedRefund(
                NextResourceId(), refund, at,
                [.. refund.Lines.Select(_ => NextResourceId())],
                refund.Shipping > 0 ? NextResourceId() : null,
                new FakeShopifyTransaction(NextResourceId(), order.Spec.Gateway, "REFUND", "SUCCESS", FakeOrderMath.RefundAmount(order.Spec, refund), at));
            order.Refund(placed);
            order.UpdatedAt = at;
            Publish(order);
            return placed.Id;
        }
    }

    /// <summary>Cancels the order (<paramref name="reason"/> as GraphQL spells it); an unpaid one is then voided.</summary>
    public void CancelOrder(long orderId, string reason = "CUSTOMER") =>
        Change(orderId, (order, at) => order.Cancel(at, reason));

    /// <summary>Takes the payment of an unpaid order: a successful sale of its total through its gateway.</summary>
    public void MarkPaid(long orderId) =>
        Change(orderId, (order, at) =>
        {
            if (order.Paid)
            {
                throw new InvalidOperationException($"Order {orderId} is paid already.");
            }

            order.Pay(new FakeShopifyTransaction(NextResourceId(), order.Spec.Gateway, "SALE", "SUCCESS", order.Spec.Total, at));
        });

    /// <summary>
    /// Edits the order as the merchant would (address, email, lines); lines keep their ids by index, so an edit
    /// must keep the lines that refunds point at.
    /// </summary>
    public void UpdateOrder(long orderId, Func<FakeOrderSpec, FakeOrderSpec> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        Change(orderId, (order, _) =>
        {
            var edited = edit(order.Spec);
            if (edited.Lines.Count != order.Spec.Lines.Count || edited.Duties.Count != order.Spec.Duties.Count)
            {
                throw new ArgumentException("An edit keeps the order's lines and duties (their ids are by index).", nameof(edit));
            }

            order.Spec = edited;
        });
    }

    /// <summary>The body Shopify sends for the order's topics (orders/create, orders/updated, orders/paid, orders/cancelled).</summary>
    public string OrderWebhookBody(long orderId)
    {
        lock (ordersGate)
        {
            return FakeShopifyOrderRest.Order(placedOrders[orderId]).ToJsonString();
        }
    }

    /// <summary>The refunds/create body of a refund.</summary>
    public string RefundWebhookBody(long refundId)
    {
        lock (ordersGate)
        {
            var order = placedOrders.Values.Single(candidate => candidate.Refunds.Any(refund => refund.Id == refundId));
            return FakeShopifyOrderRest.Refund(order, order.Refunds.Single(refund => refund.Id == refundId)).ToJsonString();
        }
    }

    /// <summary>
    /// Delivers the order's <paramref name="topic"/> webhook (one of <see cref="OrderTopics"/>) with its body as it
    /// is now, triggered at its last update.
    /// </summary>
    public Task<HttpResponseMessage> SendOrderWebhookAsync(Uri target, string topic, long orderId, string secret, string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        if (!OrderTopics.Contains(topic))
        {
            throw new ArgumentException($"Order webhooks are {string.Join(", ", OrderTopics)}, not {topic}.", nameof(topic));
        }

        return SendWebhookAsync(target, topic, OrderWebhookBody(orderId), secret, eventId, PlacedOrder(orderId).UpdatedAt, cancellationToken: cancellationToken);
    }

    /// <summary>Delivers refunds/create for the refund, triggered when it was made.</summary>
    public Task<HttpResponseMessage> SendRefundWebhookAsync(Uri target, long refundId, string secret, string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        DateTimeOffset createdAt;
        lock (ordersGate)
        {
            createdAt = placedOrders.Values.SelectMany(order => order.Refunds).Single(refund => refund.Id == refundId).CreatedAt;
        }

        return SendWebhookAsync(target, "refunds/create", RefundWebhookBody(refundId), secret, eventId, createdAt, cancellationToken: cancellationToken);
    }

    /// <summary>The topics whose body is the order.</summary>
    public static IReadOnlyList<string> OrderTopics { get; } = ["orders/create", "orders/updated", "orders/paid", "orders/cancelled"];

    public FakeShopifyWebhookSubscription AddWebhookSubscription(string topic, Uri uri)
    {
        var subscription = new FakeShopifyWebhookSubscription(Interlocked.Increment(ref nextId), topic, uri);
        subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public void SetInventory(string inventoryItemGid, string locationGid, int available) => inventory[(inventoryItemGid, locationGid)] = available;

    /// <summary>
    /// Stocks the variant of <paramref name="sku"/> (the one orders use) at a location with an "available" quantity;
    /// returns its variant and inventory item gids.
    /// </summary>
    public (string VariantGid, string InventoryItemGid) StockItem(string sku, string locationGid, int available)
    {
        long variantId;
        lock (ordersGate)
        {
            variantId = CatalogueEntry(sku).VariantId;
        }

        var variant = $"gid://shopify/ProductVariant/{variantId}";
        var item = inventoryItems.FirstOrDefault(i => i.Value.VariantGid == variant).Key ?? $"gid://shopify/InventoryItem/{NextResourceId()}";
        inventoryItems[item] = (variant, sku);
        inventory[(item, locationGid)] = available;
        return (variant, item);
    }

    /// <summary>A code as Shopify puts on the OAuth callback; it can be exchanged once for <see cref="AccessToken"/>.</summary>
    public string IssueAuthorizationCode()
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        authorizationCodes[code] = 0;
        return code;
    }

    /// <summary>The next <paramref name="times"/> GraphQL requests get <paramref name="status"/> (429 with a Retry-After when given).</summary>
    public void RespondNext(HttpStatusCode status, int times = 1, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            injected.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Delivers a webhook as Shopify does: the body signed with <paramref name="secret"/> (base64 HMAC-SHA256) and Shopify's headers.</summary>
    public async Task<HttpResponseMessage> SendWebhookAsync(Uri target, string topic, string body, string secret,
        string? eventId = null, DateTimeOffset? triggeredAt = null, string apiVersion = "2026-10", CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
        request.Headers.Add("X-Shopify-Shop-Domain", ShopDomain);
        request.Headers.Add("X-Shopify-API-Version", apiVersion);
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Event-Id", eventId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Triggered-At", (triggeredAt ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture));
        return await webhookSender.SendAsync(request, cancellationToken);
    }

    private async Task GraphQlAsync(HttpContext context, string version)
    {
        LastApiVersion = version;
        Interlocked.Increment(ref requests);
        if (injected.TryDequeue(out var fault))
        {
            if (fault.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await WriteAsync(context, fault.Status, new JsonObject { ["errors"] = $"HTTP {(int)fault.Status}" });
            return;
        }

        if (context.Request.Headers["X-Shopify-Access-Token"].ToString() != AccessToken)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(InvalidTokenBody);
            return;
        }

        FakeShopifyRequest request;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            request = FakeShopifyRequest.Parse(body["query"]?.GetValue<string>() ?? "", body["operationName"]?.GetValue<string>(),
                body["variables"] as JsonObject ?? []);
        }
        catch (Exception ex) when (ex is JsonException or GraphQLSyntaxErrorException or InvalidOperationException)
        {
            await WriteAsync(context, HttpStatusCode.OK, Errors(Error($"Parse error: {ex.Message}", "PARSE_ERROR")));
            return;
        }

        await WriteAsync(context, HttpStatusCode.OK, Execute(request));
    }

    private JsonObject Execute(FakeShopifyRequest request)
    {
        if (request.PageSizes().FirstOrDefault(size => size > 250) is var tooLarge and > 0)
        {
            return Errors(Error($"The page size {tooLarge} is too large: the maximum is 250.", "BAD_REQUEST"));
        }

        if (request.IsMutation && request.RootFields.FirstOrDefault(f => IdempotentMutations.Contains(f.Name.StringValue) && !HasIdempotencyKey(request, f)) is { } bare)
        {
            return Errors(Error($"The {bare.Name.StringValue} mutation requires an idempotency key: add @idempotent(key: \"...\").", "BAD_REQUEST"));
        }

        var roots = request.RootFields.ToList();
        var requested = request.IsMutation ? 10 * roots.Count : roots.Sum(field => request.Cost(field, null, actual: false));
        if (requested > SingleQueryMaxCost)
        {
            var error = Error($"Query cost is {requested}, which exceeds the single query max cost limit ({SingleQueryMaxCost}).", "MAX_COST_EXCEEDED");
            error["extensions"]!["cost"] = requested;
            error["extensions"]!["maxCost"] = SingleQueryMaxCost;
            return Errors(error);
        }

        if (!Bucket.TryTake(requested))
        {
            Interlocked.Increment(ref throttled);
            var answer = Errors(Error("Throttled", "THROTTLED"));
            answer["extensions"] = Cost(requested, null);
            return answer;
        }

        var data = new JsonObject();
        var errors = new JsonArray();
        foreach (var field in roots)
        {
            var name = field.Name.StringValue;
            var key = FakeShopifyRequest.ResponseKey(field);
            if (RequiredScopes.TryGetValue(name, out var scope) && !GrantedScopes.Contains(scope))
            {
                data[key] = null;
                var denied = Error($"Access denied for {name} field. Required access: `{scope}` access scope.", "ACCESS_DENIED");
                denied["path"] = new JsonArray(key);
                denied["extensions"]!["requiredAccess"] = $"`{scope}` access scope.";
                errors.Add(denied);
                continue;
            }

            rootFieldCalls.AddOrUpdate(name, 1, (_, count) => count + 1);
            data[key] = request.IsMutation ? Mutate(request, field) : Query(request, field, errors);
        }

        var actual = request.IsMutation ? requested : roots.Sum(field => request.Cost(field, data[FakeShopifyRequest.ResponseKey(field)], actual: true));
        Bucket.Refund(requested - actual);
        var result = new JsonObject { ["data"] = data };
        if (errors.Count > 0)
        {
            result["errors"] = errors;
        }

        result["extensions"] = Cost(requested, actual);
        return result;
    }

    private JsonNode? Query(FakeShopifyRequest request, GraphQLField field, JsonArray errors)
    {
        switch (field.Name.StringValue)
        {
            case "shop":
                return request.Project(new JsonObject
                {
                    ["__typename"] = "Shop",
                    ["name"] = ShopName,
                    ["currencyCode"] = Currency,
                    ["myshopifyDomain"] = ShopDomain,
                    ["plan"] = new JsonObject { ["publicDisplayName"] = PlanName, ["partnerDevelopment"] = false, ["shopifyPlus"] = false },
                }, field.SelectionSet!);
            case "currentAppInstallation":
                return request.Project(new JsonObject
                {
                    ["accessScopes"] = new JsonArray(GrantedScopes.Select(scope => (JsonNode)new JsonObject { ["handle"] = scope, ["description"] = scope }).ToArray()),
                }, field.SelectionSet!);
            case "orders":
                return request.Connection(new JsonArray(OrdersMatching(request.StringArgument(field, "query"), request.StringArgument(field, "sortKey"))
                    .Select(order => (JsonNode)order.DeepClone()).ToArray()), field);
            case "order":
                var id = request.StringArgument(field, "id")!;
                return Orders.Values.FirstOrDefault(order => order["id"]!.GetValue<string>() == id) is { } found ? request.Project(found, field.SelectionSet!) : null;
            case "refund":
                var refundId = request.StringArgument(field, "id")!;
                return Orders.Values.SelectMany(order => order["refunds"]?.AsArray() ?? []).OfType<JsonObject>()
                    .FirstOrDefault(refund => refund["id"]!.GetValue<string>() == refundId) is { } refund ? request.Project(refund, field.SelectionSet!) : null;
            case "locations":
                return request.Connection(new JsonArray(Locations.OrderBy(l => l.Key.Length).ThenBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => (JsonNode)new JsonObject { ["__typename"] = "Location", ["id"] = l.Key, ["name"] = l.Value, ["isActive"] = true }).ToArray()), field);
            case "webhookSubscriptions":
                return request.Connection(new JsonArray(WebhookSubscriptions.Select(s => (JsonNode)Json(s)).ToArray()), field);
            case "location":
                return request.Project(Location(request.StringArgument(field, "id")!), field.SelectionSet!);
            case "nodes":
                var location = request.FieldArgument("inventoryLevel", "locationId")?.GetValue<string>();
                return new JsonArray(request.Argument(field, "ids")!.AsArray()
                    .Select(node => inventoryItems.ContainsKey(node!.GetValue<string>()) ? request.Project(InventoryItem(node.GetValue<string>(), location), field.SelectionSet!) : null)
                    .ToArray());
            case "productVariants":
                return request.Connection(AllVariants(), field);
            case "productVariantsCount":
                return ProductVariantsCount(request, field);
            case "product":
                return request.Project(ProductByGid(request.StringArgument(field, "id")!), field.SelectionSet!);
            default:
                errors.Add(Error($"Field '{field.Name.StringValue}' doesn't exist on type 'QueryRoot'", "undefinedField"));
                return null;
        }
    }

    private JsonNode? Mutate(FakeShopifyRequest request, GraphQLField field)
    {
        var name = field.Name.StringValue;
        if (IdempotentMutations.Contains(name))
        {
            // Shopify answers a repeated key with the first result and does nothing again.
            var key = $"{name}:{request.DirectiveArgument(field, "idempotent", "key")!.GetValue<string>()}";
            return idempotentResults.GetOrAdd(key, _ => Mutate(name, request, field))?.DeepClone();
        }

        return Mutate(name, request, field);
    }

    private JsonNode? Mutate(string name, FakeShopifyRequest request, GraphQLField field)
    {
        var userErrors = new JsonArray();
        var payload = new JsonObject();
        switch (name)
        {
            case "webhookSubscriptionCreate":
                var topic = request.StringArgument(field, "topic")!;
                var uri = request.Argument(field, "webhookSubscription")?["uri"]?.GetValue<string>() ?? "";
                // Shopify takes https callbacks only; the fake also takes plain-HTTP loopback ones, where the sandbox's and tests' portals listen.
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && !address.IsLoopback))
                {
                    userErrors.Add(UserError(["webhookSubscription", "callbackUrl"], $"Address protocol {address?.Scheme ?? "''"} is not supported"));
                }
                else if (subscriptions.Values.Any(s => s.Topic == topic && s.Uri == address))
                {
                    userErrors.Add(UserError(["webhookSubscription", "callbackUrl"], "Address for this topic has already been taken"));
                }
                else
                {
                    payload["webhookSubscription"] = Json(AddWebhookSubscription(topic, address));
                }

                break;
            case "webhookSubscriptionDelete":
                var gid = request.StringArgument(field, "id")!;
                if (subscriptions.Values.FirstOrDefault(s => s.Gid == gid) is { } subscription && subscriptions.TryRemove(subscription.Id, out _))
                {
                    payload["deletedWebhookSubscriptionId"] = gid;
                }
                else
                {
                    userErrors.Add(UserError(["id"], "Webhook subscription does not exist"));
                }

                break;
            case "inventorySetQuantities":
                SetQuantities(request.Argument(field, "input")!.AsObject(), userErrors, payload);
                break;
            case "fulfillmentCreate":
                FulfillmentCreate(request.Argument(field, "fulfillment")!.AsObject(), userErrors, payload);
                break;
            case "productSet":
                SetProduct(request.Argument(field, "input")!.AsObject(), userErrors, payload);
                break;
            case "productUpdate":
                AddProductMedia(request.Argument(field, "product")!.AsObject(), request.Argument(field, "media") as JsonArray ?? [], userErrors, payload);
                break;
            case "fileDelete":
                DeleteFiles(request.Argument(field, "fileIds")!.AsArray(), userErrors, payload);
                break;
            default:
                return null;
        }

        payload["userErrors"] = userErrors;
        return request.Project(payload, field.SelectionSet!);
    }

    private void SetQuantities(JsonObject input, JsonArray userErrors, JsonObject payload)
    {
        var quantities = input["quantities"]!.AsArray().Select(q => q!.AsObject()).ToList();
        if (input["name"]?.GetValue<string>() is not ("available" or "on_hand"))
        {
            userErrors.Add(UserError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        }
        else if (quantities.Count > 250)
        {
            userErrors.Add(UserError(["input", "quantities"], "The quantities can't exceed 250 items.", "INVALID_QUANTITY_INPUT"));
        }
        else if (quantities.FindIndex(q => !q.ContainsKey("changeFromQuantity")) is var missing and >= 0)
        {
            userErrors.Add(UserError(["input", "quantities", missing.ToString(CultureInfo.InvariantCulture), "changeFromQuantity"],
                "changeFromQuantity is required: give the expected quantity, or null to skip the check.", "CHANGE_FROM_QUANTITY_REQUIRED"));
        }
        else if (quantities.FindIndex(q => q["changeFromQuantity"] is { } from && from.GetValue<int>() != inventory.GetValueOrDefault(Key(q))) is var stale and >= 0)
        {
            userErrors.Add(UserError(["input", "quantities", stale.ToString(CultureInfo.InvariantCulture), "changeFromQuantity"],
                "The specified changeFromQuantity doesn't match the current quantity.", "CHANGE_FROM_QUANTITY_STALE"));
        }
        else
        {
            foreach (var quantity in quantities)
            {
                inventory[Key(quantity)] = quantity["quantity"]!.GetValue<int>();
            }

            payload["inventoryAdjustmentGroup"] = new JsonObject { ["id"] = $"gid://shopify/InventoryAdjustmentGroup/{Interlocked.Increment(ref nextId)}" };
        }
    }

    // A location lists the levels of the items stocked there, oldest item first, as its inventoryLevels connection.
    private JsonObject Location(string locationGid) => new()
    {
        ["__typename"] = "Location",
        ["id"] = locationGid,
        ["inventoryLevels"] = new JsonArray(inventory.Keys.Where(k => k.Location == locationGid && inventoryItems.ContainsKey(k.Item))
            .OrderBy(k => k.Item.Length).ThenBy(k => k.Item, StringComparer.Ordinal)
            .Select(k => (JsonNode)Level(k.Item, locationGid)).ToArray()),
    };

    private JsonObject Level(string itemGid, string locationGid) => new()
    {
        ["__typename"] = "InventoryLevel",
        ["id"] = $"gid://shopify/InventoryLevel/{locationGid.Split('/')[^1]}?inventory_item_id={itemGid.Split('/')[^1]}",
        ["item"] = InventoryItem(itemGid, null),
        ["quantities"] = new JsonArray(new JsonObject { ["name"] = "available", ["quantity"] = inventory[(itemGid, locationGid)] }),
    };

    private JsonObject InventoryItem(string itemGid, string? locationGid)
    {
        var (variant, sku) = inventoryItems[itemGid];
        return new JsonObject
        {
            ["__typename"] = "InventoryItem",
            ["id"] = itemGid,
            ["sku"] = sku,
            ["variants"] = new JsonArray(new JsonObject { ["__typename"] = "ProductVariant", ["id"] = variant, ["sku"] = sku }),
            ["inventoryLevel"] = locationGid is not null && inventory.ContainsKey((itemGid, locationGid)) ? Level(itemGid, locationGid) : null,
        };
    }

    // All of a fulfillment's line items come from open fulfillment orders of one order; a fulfillment order named
    // without line items ships everything it has left. Any quantity above what is left refuses the whole input.
    private void FulfillmentCreate(JsonObject input, JsonArray userErrors, JsonObject payload)
    {
        lock (ordersGate)
        {
            var groups = input["lineItemsByFulfillmentOrder"]!.AsArray().Select(g => g!.AsObject()).ToList();
            var orders = groups.Select(g => placedOrders.Values.FirstOrDefault(o => FakeShopifyOrderGraphQl.Gid("FulfillmentOrder", o.FulfillmentOrderId) == g["fulfillmentOrderId"]!.GetValue<string>())).ToList();
            if (groups.Count == 0 || orders.Any(o => o is null) || orders.Distinct().Count() != 1)
            {
                userErrors.Add(UserError(["fulfillment"], "Fulfillment order does not exist."));
                return;
            }

            var order = orders[0]!;
            if (order.FulfillmentOrderStatus is not ("OPEN" or "IN_PROGRESS"))
            {
                userErrors.Add(UserError(["fulfillment"], $"Fulfillment order {order.FulfillmentOrderId} has an unfulfillable status= {order.FulfillmentOrderStatus.ToLowerInvariant()}."));
                return;
            }

            var lines = new List<(int LineIndex, int Quantity)>();
            foreach (var item in groups.SelectMany(g => g["fulfillmentOrderLineItems"]?.AsArray() ?? AllLineItems(order)))
            {
                var index = order.FulfillmentOrderLineIds.Select(id => FakeShopifyOrderGraphQl.Gid("FulfillmentOrderLineItem", id)).ToList().IndexOf(item!["id"]!.GetValue<string>());
                var quantity = item["quantity"]?.GetValue<int>() ?? (index >= 0 ? order.UnfulfilledQuantity(index) : 0);
                if (index < 0 || quantity <= 0 || quantity + lines.Where(l => l.LineIndex == index).Sum(l => l.Quantity) > order.UnfulfilledQuantity(index))
                {
                    userErrors.Add(UserError(["fulfillment"], "Invalid fulfillment order line item quantity requested."));
                    return;
                }

                lines.Add((index, quantity));
            }

            var tracking = input["trackingInfo"];
            var at = NextUpdate(order);
            var fulfilment = new FakeShopifyFulfilment(NextResourceId(), at, lines, tracking?["company"]?.GetValue<string>(), tracking?["number"]?.GetValue<string>(),
                tracking?["url"]?.GetValue<string>(), input["notifyCustomer"]?.GetValue<bool>() ?? false);
            order.Fulfil(fulfilment);
            order.UpdatedAt = at;
            Publish(order);
            payload["fulfillment"] = new JsonObject { ["__typename"] = "Fulfillment", ["id"] = FakeShopifyOrderGraphQl.Gid("Fulfillment", fulfilment.Id), ["status"] = "SUCCESS" };
        }
    }

    private static JsonArray AllLineItems(FakeShopifyPlacedOrder order) =>
        new([.. order.FulfillmentOrderLineIds.Where((_, index) => order.UnfulfilledQuantity(index) > 0)
            .Select(id => (JsonNode)new JsonObject { ["id"] = FakeShopifyOrderGraphQl.Gid("FulfillmentOrderLineItem", id) })]);

    private void Change(long orderId, Action<FakeShopifyPlacedOrder, DateTimeOffset> change)
    {
        lock (ordersGate)
        {
            var order = placedOrders[orderId];
            var at = NextUpdate(order);
            change(order, at);
            order.UpdatedAt = at;
            Publish(order);
        }
    }

    /// <summary>Now, but always after the order's last update, so every change is newer even on a clock that stands still.</summary>
    private DateTimeOffset NextUpdate(FakeShopifyPlacedOrder order)
    {
        var now = WholeSeconds(time.GetUtcNow());
        return now > order.UpdatedAt ? now : order.UpdatedAt.AddSeconds(1);
    }

    /// <summary>Shopify's times have whole seconds; keeping them so makes the bodies, the API and the headers agree.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private void Publish(FakeShopifyPlacedOrder order) => Orders[order.Id] = FakeShopifyOrderGraphQl.Render(order);

    private long NextResourceId() => Interlocked.Increment(ref nextResourceId);

    private (long ProductId, long VariantId) CatalogueEntry(string sku)
    {
        if (!catalogue.TryGetValue(sku, out var entry))
        {
            entry = (NextResourceId(), NextResourceId());
            catalogue[sku] = entry;
        }

        return entry;
    }

    private async Task AccessTokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var body = form is null ? await JsonNode.ParseAsync(context.Request.Body) : null;
        string? Read(string name) => form?[name].ToString() ?? body?[name]?.GetValue<string>();

        if (Read("client_id") != ClientId || Read("client_secret") != ClientSecret)
        {
            await WriteAsync(context, HttpStatusCode.BadRequest, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client credentials are invalid" });
            return;
        }

        if (Read("code") is not { } code || !authorizationCodes.TryRemove(code, out _))
        {
            await WriteAsync(context, HttpStatusCode.BadRequest,
                new JsonObject { ["error"] = "invalid_request", ["error_description"] = "The authorization code was not found or was already used" });
            return;
        }

        await WriteAsync(context, HttpStatusCode.OK, new JsonObject { ["access_token"] = AccessToken, ["scope"] = string.Join(',', GrantedScopes) });
    }

    private IEnumerable<JsonObject> OrdersMatching(string? query, string? sortKey)
    {
        var since = query is not null && query.StartsWith("updated_at:>=", StringComparison.Ordinal)
            ? DateTimeOffset.Parse(query["updated_at:>=".Length..].Trim('\''), CultureInfo.InvariantCulture)
            : DateTimeOffset.MinValue;
        var sortField = sortKey == "UPDATED_AT" ? "updatedAt" : "createdAt";
        return Orders.Values
            .Where(order => Time(order, "updatedAt") >= since)
            .OrderBy(order => Time(order, sortField))
            .ThenBy(order => order["id"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    private static bool HasIdempotencyKey(FakeShopifyRequest request, GraphQLField field) =>
        FakeShopifyRequest.HasDirective(field, "idempotent") && request.DirectiveArgument(field, "idempotent", "key")?.GetValue<string>() is { } key && !string.IsNullOrWhiteSpace(key);

    private static (string, string) Key(JsonObject quantity) => (quantity["inventoryItemId"]!.GetValue<string>(), quantity["locationId"]!.GetValue<string>());

    private static DateTimeOffset Time(JsonObject order, string field) => DateTimeOffset.Parse(order[field]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static JsonObject Json(FakeShopifyWebhookSubscription subscription) => new()
    {
        ["__typename"] = "WebhookSubscription",
        ["id"] = subscription.Gid,
        ["topic"] = subscription.Topic,
        ["uri"] = subscription.Uri.AbsoluteUri,
        ["format"] = "JSON",
    };

    private JsonObject Cost(double requested, double? actual) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = new JsonObject
            {
                ["maximumAvailable"] = Bucket.MaximumAvailable,
                ["currentlyAvailable"] = Math.Floor(Bucket.CurrentlyAvailable),
                ["restoreRate"] = Bucket.RestoreRate,
            },
        },
    };

    private static JsonObject Error(string message, string code) => new()
    {
        ["message"] = message,
        ["extensions"] = new JsonObject { ["code"] = code, ["documentation"] = "https://shopify.dev/api/usage/rate-limits" },
    };

    private static JsonObject Errors(JsonObject error) => new() { ["errors"] = new JsonArray(error) };

    private static JsonObject UserError(string[] field, string message, string? code = null)
    {
        var error = new JsonObject { ["field"] = new JsonArray(field.Select(f => (JsonNode)f).ToArray()), ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        return error;
    }

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, JsonNode body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        webhookSender.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
