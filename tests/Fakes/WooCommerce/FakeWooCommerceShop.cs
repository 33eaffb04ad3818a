using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Fakes.Orders;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// The fake site's data: orders (from the docs sample, or rendered from a <see cref="FakeOrderSpec"/>) with their
/// refunds, products with their variations, and webhooks, as v3 JSON built from the real samples. Ids come from one
/// sequence, as WordPress posts share one (order items have their own). Every read hands out a copy.
/// </summary>
public sealed class FakeWooCommerceShop
{
    private readonly Lock gate = new();
    private readonly Func<Uri> site;
    private readonly TimeProvider time;
    private readonly SortedDictionary<long, JsonObject> orders = [];
    private readonly SortedDictionary<long, JsonObject> products = [];
    private readonly SortedDictionary<long, (long ProductId, JsonObject Body)> variations = [];
    private readonly SortedDictionary<long, FakeWooCommerceWebhook> webhooks = [];
    private readonly Dictionary<long, FakeOrderSpec> orderSpecs = [];
    private readonly SortedDictionary<long, (long OrderId, JsonObject Body)> refunds = [];
    private readonly Dictionary<FakeTaxSpec, long> taxRates = [];
    private readonly Dictionary<string, long> productsBySku = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<JsonObject>> orderNotes = [];
    private long lastNoteId = 900;
    private long lastId = 1000;

    // Order items (lines, shipping, fees, taxes, coupons) and their meta have their own tables, so their own ids.
    private long lastItemId = 300;

    internal FakeWooCommerceShop(Func<Uri> site, TimeProvider time)
    {
        this.site = site;
        this.time = time;
    }

    public IReadOnlyList<JsonObject> Orders => Copies(orders.Values);

    public IReadOnlyList<JsonObject> Products => Copies(products.Values);

    public IReadOnlyList<FakeWooCommerceWebhook> Webhooks
    {
        get
        {
            lock (gate)
            {
                return [.. webhooks.Values];
            }
        }
    }

    /// <summary>An order like the docs' "Retrieve an order" sample, last changed at <paramref name="modified"/> (the site runs on UTC).</summary>
    public long AddOrder(DateTimeOffset modified, Action<JsonObject>? edit = null)
    {
        lock (gate)
        {
            var id = ++lastId;
            var order = FakeWooCommerceTemplates.Order();
            order["id"] = id;
            order["number"] = id.ToString(CultureInfo.InvariantCulture);
            order["order_key"] = $"wc_order_{id:x}";
            Stamp(order, "date_created", modified);
            Stamp(order, "date_modified", modified);
            Link(order, $"orders/{id}", "orders");
            edit?.Invoke(order);
            orders[id] = order;
            return id;
        }
    }

    /// <summary><paramref name="count"/> orders changed one <paramref name="interval"/> apart from <paramref name="firstModified"/> on.</summary>
    public IReadOnlyList<long> AddOrders(int count, DateTimeOffset firstModified, TimeSpan interval) =>
        Enumerable.Range(0, count).Select(index => AddOrder(firstModified + (interval * index))).ToList();

    public JsonObject? Order(long id) => Copy(orders, id);

    /// <summary>
    /// <paramref name="spec"/> placed at checkout and last changed at <paramref name="modified"/> (now by default):
    /// "processing" once paid, "pending" until then. Lines name the product or variation with the line's SKU when
    /// the site has one, else a product of their own, the same for every order with that SKU.
    /// </summary>
    public long AddOrder(FakeOrderSpec spec, DateTimeOffset? modified = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (gate)
        {
            var id = ++lastId;
            var order = new FakeWooCommerceOrderRenderer(this, spec).Order(FakeWooCommerceTemplates.Order(), id, modified ?? time.GetUtcNow());
            Link(order, $"orders/{id}", "orders");
            orders[id] = order;
            orderSpecs[id] = spec;
            return id;
        }
    }

    /// <summary>
    /// Edits an order made from a spec as the merchant would in the admin (quantities, prices, address): the
    /// order is saved again with its id, creation time and line item ids, its modification time moved on by at
    /// least a second (WordPress keeps whole seconds). The edit keeps the order's lines.
    /// </summary>
    public void UpdateOrder(long orderId, Func<FakeOrderSpec, FakeOrderSpec> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (gate)
        {
            var before = orders.GetValueOrDefault(orderId) ?? throw new InvalidOperationException($"The fake site has no order {orderId}.");
            var spec = edit(orderSpecs[orderId]);
            if (spec.Lines.Count != orderSpecs[orderId].Lines.Count)
            {
                throw new ArgumentException("An edit keeps the order's lines (their item ids are by index).", nameof(edit));
            }

            var order = new FakeWooCommerceOrderRenderer(this, spec).Order(FakeWooCommerceTemplates.Order(), orderId, NextModification(before));
            order["date_created"] = before["date_created"]!.DeepClone();
            order["date_created_gmt"] = before["date_created_gmt"]!.DeepClone();
            for (var index = 0; index < spec.Lines.Count; index++)
            {
                order["line_items"]![index]!["id"] = before["line_items"]![index]!["id"]!.DeepClone();
            }

            Link(order, $"orders/{orderId}", "orders");
            orders[orderId] = order;
            orderSpecs[orderId] = spec;
        }
    }

    /// <summary>
    /// Refunds an order made with <see cref="AddOrder(FakeOrderSpec, DateTimeOffset?)"/> as <c>wc_create_refund</c>
    /// does: the refund resource, its summary at the head of the order's <c>refunds</c>, the order "refunded" once
    /// refunds reach its total, refunded units put back to stock for the lines that ask for it (the line's
    /// <c>_reduced_stock</c> and <c>_restock_refunded_items</c>), and the order's modification time moved to now.
    /// </summary>
    /// <returns>The refund's id.</returns>
    public long AddRefund(long orderId, FakeRefundSpec refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        lock (gate)
        {
            var order = orders.GetValueOrDefault(orderId) ?? throw new InvalidOperationException($"The fake site has no order {orderId}.");
            var spec = orderSpecs.GetValueOrDefault(orderId)
                ?? throw new InvalidOperationException($"Order {orderId} was not made from a {nameof(FakeOrderSpec)}, so the fake cannot refund it.");
            var id = ++lastId;
            var now = time.GetUtcNow();
            var body = new FakeWooCommerceOrderRenderer(this, spec).Refund(refund, order, id, now);
            body["_links"] = new JsonObject
            {
                ["self"] = new JsonArray(new JsonObject { ["href"] = ApiUrl($"orders/{orderId}/refunds/{id}") }),
                ["collection"] = new JsonArray(new JsonObject { ["href"] = ApiUrl($"orders/{orderId}/refunds") }),
                ["up"] = new JsonArray(new JsonObject { ["href"] = ApiUrl($"orders/{orderId}") }),
            };
            refunds[id] = (orderId, body);

            var amount = decimal.Parse(body["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            order["refunds"]!.AsArray().Insert(0, new JsonObject
            {
                ["id"] = id,
                ["reason"] = refund.Note,
                ["total"] = "-" + FakeWooCommerceOrderRenderer.Money(amount),
            });
            var refunded = refunds.Values.Where(entry => entry.OrderId == orderId)
                .Sum(entry => decimal.Parse(entry.Body["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));
            if (refunded >= decimal.Parse(order["total"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            {
                order["status"] = "refunded";
            }

            foreach (var line in refund.Lines.Where(line => line.Restock))
            {
                Restock(order["line_items"]![line.LineIndex]!.AsObject(), line.Quantity);
            }

            Stamp(order, "date_modified", NextModification(order));
            return id;
        }
    }

    /// <summary>Cancels an order as WooCommerce does: status "cancelled", the stock it took given back (its lines lose <c>_reduced_stock</c>).</summary>
    public void CancelOrder(long orderId)
    {
        lock (gate)
        {
            var order = orders.GetValueOrDefault(orderId) ?? throw new InvalidOperationException($"The fake site has no order {orderId}.");
            order["status"] = "cancelled";
            foreach (var line in order["line_items"]!.AsArray())
            {
                var meta = line!["meta_data"]!.AsArray();
                foreach (var reduced in meta.Where(item => item!["key"]!.GetValue<string>() == "_reduced_stock").ToList())
                {
                    meta.Remove(reduced);
                }
            }

            Stamp(order, "date_modified", NextModification(order));
        }
    }

    /// <summary>The order's notes, newest first, as GET orders/{id}/notes lists them.</summary>
    public IReadOnlyList<JsonObject> OrderNotes(long orderId)
    {
        lock (gate)
        {
            _ = orders.GetValueOrDefault(orderId) ?? throw new FakeWooCommerceException("woocommerce_rest_order_invalid_id", "Invalid order ID.", 404);
            return Copies(orderNotes.GetValueOrDefault(orderId) ?? []);
        }
    }

    /// <summary>Adds a note as POST orders/{id}/notes does: a private note, or one mailed to the customer when customer_note is true.</summary>
    public JsonObject AddOrderNote(long orderId, JsonObject body)
    {
        lock (gate)
        {
            _ = orders.GetValueOrDefault(orderId) ?? throw new FakeWooCommerceException("woocommerce_rest_order_invalid_id", "Invalid order ID.", 404);
            if (body["note"] is not JsonValue text || string.IsNullOrEmpty(text.ToString()))
            {
                throw new FakeWooCommerceException("rest_missing_callback_param", "Missing parameter(s): note", 400, new JsonObject { ["params"] = new JsonArray("note") });
            }

            var at = time.GetUtcNow();
            var note = new JsonObject
            {
                ["id"] = ++lastNoteId,
                ["author"] = "WooCommerce",
                ["date_created"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["date_created_gmt"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["note"] = text.ToString(),
                ["customer_note"] = body["customer_note"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            };
            if (!orderNotes.TryGetValue(orderId, out var notes))
            {
                orderNotes[orderId] = notes = [];
            }

            notes.Insert(0, note);
            return (JsonObject)note.DeepClone();
        }
    }

    /// <summary>Moves the order to another status, as PUT orders/{id} with a status does (the caller checked it is one of WooCommerce's).</summary>
    public JsonObject SetOrderStatus(long orderId, string status)
    {
        lock (gate)
        {
            var order = orders.GetValueOrDefault(orderId) ?? throw FakeWooCommerceException.InvalidId("shop_order", 400);
            order["status"] = status;
            Stamp(order, "date_modified", NextModification(order));
            return (JsonObject)order.DeepClone();
        }
    }

    public JsonObject? Refund(long id)
    {
        lock (gate)
        {
            return refunds.TryGetValue(id, out var refund) ? (JsonObject)refund.Body.DeepClone() : null;
        }
    }

    /// <summary>An order's refunds as <c>orders/{id}/refunds</c> lists them: newest first.</summary>
    internal IReadOnlyList<JsonObject> ListRefunds(long orderId) =>
        Copies(refunds.Where(refund => refund.Value.OrderId == orderId).OrderByDescending(refund => refund.Key).Select(refund => refund.Value.Body));

    /// <summary><c>GET orders/{order}/refunds/{id}</c>: WooCommerce's errors for a refund that is not there or not the order's.</summary>
    internal JsonObject OrderRefund(long orderId, long id)
    {
        lock (gate)
        {
            if (!refunds.TryGetValue(id, out var refund))
            {
                throw FakeWooCommerceException.InvalidId("shop_order_refund", 404);
            }

            return !orders.ContainsKey(orderId) ? throw new FakeWooCommerceException("woocommerce_rest_invalid_order_id", "Invalid order ID.", 404)
                : refund.OrderId != orderId ? throw new FakeWooCommerceException("woocommerce_rest_invalid_order_refund_id", "Invalid order refund ID.", 404)
                : (JsonObject)refund.Body.DeepClone();
        }
    }

    internal long NextItemId() => ++lastItemId;

    /// <summary>Attachments are posts too, numbered with the products and orders.</summary>
    internal long NextAttachmentId()
    {
        lock (gate)
        {
            return ++lastId;
        }
    }

    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// When a change saved now is stamped: WordPress keeps whole seconds, so a change in the same second as the last
    /// one is stamped a second later, keeping every version of the order apart by its modification time.
    /// </summary>
    private DateTimeOffset NextModification(JsonObject order)
    {
        var last = DateTimeOffset.Parse(order["date_modified_gmt"]!.GetValue<string>() + "Z", CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        return now >= last.AddSeconds(1) ? now : last.AddSeconds(1);
    }

    /// <summary>The site's tax rate for a tax, created the first time an order charges it.</summary>
    internal long TaxRateId(FakeTaxSpec tax) =>
        taxRates.TryGetValue(tax, out var id) ? id : taxRates[tax] = taxRates.Count + 1;

    /// <summary>The product (and variation, else 0) an order line with <paramref name="sku"/> names.</summary>
    internal (long ProductId, long VariationId) ProductOf(string sku)
    {
        if (variations.FirstOrDefault(variation => variation.Value.Body["sku"]?.GetValue<string>() == sku) is { Value.Body: not null } variation)
        {
            return (variation.Value.ProductId, variation.Key);
        }

        if (products.FirstOrDefault(product => product.Value["sku"]?.GetValue<string>() == sku) is { Value: not null } product)
        {
            return (product.Key, 0);
        }

        return (productsBySku.TryGetValue(sku, out var id) ? id : productsBySku[sku] = ++lastId, 0);
    }

    /// <summary>wc_restock_refunded_items: only a line whose stock the order took is put back.</summary>
    private void Restock(JsonObject line, int quantity)
    {
        var meta = line["meta_data"]!.AsArray();
        if (MetaValue(meta, "_reduced_stock") is not { } reduced)
        {
            return;
        }

        SetMeta(meta, "_reduced_stock", reduced - quantity);
        SetMeta(meta, "_restock_refunded_items", (MetaValue(meta, "_restock_refunded_items") ?? 0) + quantity);
    }

    private static int? MetaValue(JsonArray meta, string key) =>
        meta.FirstOrDefault(item => item!["key"]!.GetValue<string>() == key) is { } found
            ? int.Parse(found["value"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            : null;

    /// <summary>WordPress keeps meta values as text, whatever was stored.</summary>
    private void SetMeta(JsonArray meta, string key, int value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (meta.FirstOrDefault(item => item!["key"]!.GetValue<string>() == key) is { } found)
        {
            found["value"] = text;
            found["display_value"] = text;
        }
        else
        {
            meta.Add(new JsonObject { ["id"] = NextItemId(), ["key"] = key, ["value"] = text, ["display_key"] = key, ["display_value"] = text });
        }
    }

    /// <summary>A product like the docs' simple product sample; make it "variable" with <paramref name="edit"/> to give it variations.</summary>
    public long AddProduct(Action<JsonObject>? edit = null)
    {
        lock (gate)
        {
            var id = ++lastId;
            products[id] = NewProduct(id, edit);
            return id;
        }
    }

    public long AddVariation(long productId, Action<JsonObject>? edit = null)
    {
        lock (gate)
        {
            return NewVariation(ProductBody(productId, 404), edit);
        }
    }

    public JsonObject? Product(long id) => Copy(products, id);

    /// <summary>Changes a product as a shop manager would in wp-admin (tags, SEO meta, descriptions).</summary>
    public void EditProduct(long id, Action<JsonObject> edit)
    {
        lock (gate)
        {
            edit(ProductBody(id, 404));
        }
    }

    public JsonObject? Variation(long id)
    {
        lock (gate)
        {
            return variations.TryGetValue(id, out var variation) ? (JsonObject)variation.Body.DeepClone() : null;
        }
    }

    public IReadOnlyList<JsonObject> ListVariations(long productId)
    {
        lock (gate)
        {
            ProductBody(productId, 404);
        }

        return Copies(variations.Values.Where(variation => variation.ProductId == productId).Select(variation => variation.Body));
    }

    /// <summary>Changes a product as PUT products/{id} does; setting a managed stock quantity sets the stock status with it.</summary>
    internal JsonObject UpdateProduct(long id, JsonObject changes)
    {
        lock (gate)
        {
            return Change(ProductBody(id, 400), changes);
        }
    }

    internal JsonObject CreateProduct(JsonObject fields)
    {
        lock (gate)
        {
            var id = ++lastId;
            products[id] = NewProduct(id, product => Merge(product, fields));
            return (JsonObject)products[id].DeepClone();
        }
    }

    internal JsonObject DeleteProduct(long id)
    {
        lock (gate)
        {
            var product = ProductBody(id, 404);
            products.Remove(id);
            return product;
        }
    }

    internal JsonObject UpdateVariation(long productId, long id, JsonObject changes)
    {
        lock (gate)
        {
            return Change(VariationBody(productId, id), changes);
        }
    }

    internal JsonObject CreateVariation(long productId, JsonObject fields)
    {
        lock (gate)
        {
            var id = NewVariation(ProductBody(productId, 404), variation => Merge(variation, fields));
            return (JsonObject)variations[id].Body.DeepClone();
        }
    }

    internal JsonObject DeleteVariation(long productId, long id)
    {
        lock (gate)
        {
            var variation = VariationBody(productId, id);
            variations.Remove(id);
            return variation;
        }
    }

    /// <summary>A webhook as creating it in WooCommerce does; an empty secret gets a generated one, as WooCommerce gives.</summary>
    public FakeWooCommerceWebhook AddWebhook(string topic, Uri deliveryUrl, string secret, string status = "active", string? name = null)
    {
        lock (gate)
        {
            var id = ++lastId;
            var webhook = new FakeWooCommerceWebhook(id, name ?? $"Webhook {id}", topic, deliveryUrl,
                secret.Length > 0 ? secret : Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(30)), status, 0);
            webhooks[id] = webhook;
            return webhook;
        }
    }

    public FakeWooCommerceWebhook? Webhook(long id)
    {
        lock (gate)
        {
            return webhooks.GetValueOrDefault(id);
        }
    }

    /// <summary>Changes a webhook's name, status or address, as PUT webhooks/{id} does.</summary>
    internal FakeWooCommerceWebhook UpdateWebhook(long id, JsonObject changes)
    {
        lock (gate)
        {
            var webhook = webhooks.GetValueOrDefault(id) ?? throw FakeWooCommerceException.InvalidId("shop_webhook", 404);
            return webhooks[id] = webhook with
            {
                Name = changes["name"]?.GetValue<string>() ?? webhook.Name,
                Status = changes["status"]?.GetValue<string>() ?? webhook.Status,
                DeliveryUrl = changes["delivery_url"] is { } address ? new Uri(address.GetValue<string>()) : webhook.DeliveryUrl,
            };
        }
    }

    internal bool RemoveWebhook(long id)
    {
        lock (gate)
        {
            return webhooks.Remove(id);
        }
    }

    /// <summary>WooCommerce disables a webhook after more than five failed deliveries in a row; a success resets the count.</summary>
    internal void RecordDelivery(long id, bool delivered)
    {
        lock (gate)
        {
            if (webhooks.TryGetValue(id, out var webhook))
            {
                webhooks[id] = delivered ? webhook with { FailureCount = 0 }
                    : webhook.FailureCount > 5 ? webhook with { Status = "disabled" }
                    : webhook with { FailureCount = webhook.FailureCount + 1 };
            }
        }
    }

    internal JsonObject WebhookJson(FakeWooCommerceWebhook webhook)
    {
        var body = FakeWooCommerceTemplates.Webhook();
        body["id"] = webhook.Id;
        body["name"] = webhook.Name;
        body["status"] = webhook.Status;
        body["topic"] = webhook.Topic;
        body["resource"] = webhook.Resource;
        body["event"] = webhook.Event;
        body["hooks"] = new JsonArray();
        body["delivery_url"] = webhook.DeliveryUrl.AbsoluteUri;
        Stamp(body, "date_created", time.GetUtcNow());
        Stamp(body, "date_modified", time.GetUtcNow());
        Link(body, $"webhooks/{webhook.Id}", "webhooks");
        return body;
    }

    private JsonObject NewProduct(long id, Action<JsonObject>? edit)
    {
        var product = FakeWooCommerceTemplates.Product();
        product["id"] = id;
        product["name"] = $"Product {id}";
        product["slug"] = $"product-{id}";
        product["sku"] = $"SKU-{id}";
        Stamp(product, "date_created", time.GetUtcNow());
        Stamp(product, "date_modified", time.GetUtcNow());
        Link(product, $"products/{id}", "products");
        edit?.Invoke(product);
        return product;
    }

    private long NewVariation(JsonObject product, Action<JsonObject>? edit)
    {
        var id = ++lastId;
        var productId = product["id"]!.GetValue<long>();
        var variation = FakeWooCommerceTemplates.Variation();
        variation["id"] = id;
        variation["sku"] = $"SKU-{productId}-{id}";
        Stamp(variation, "date_created", time.GetUtcNow());
        Stamp(variation, "date_modified", time.GetUtcNow());
        Link(variation, $"products/{productId}/variations/{id}", $"products/{productId}/variations");
        edit?.Invoke(variation);
        variations[id] = (productId, variation);
        (product["variations"] ??= new JsonArray()).AsArray().Add(id);
        return id;
    }

    private JsonObject ProductBody(long id, int statusWhenMissing) =>
        products.TryGetValue(id, out var product) ? product : throw FakeWooCommerceException.InvalidId("product", statusWhenMissing);

    private JsonObject VariationBody(long productId, long id)
    {
        ProductBody(productId, 404);
        return variations.TryGetValue(id, out var variation) && variation.ProductId == productId
            ? variation.Body
            : throw FakeWooCommerceException.InvalidId("product_variation", 400);
    }

    private JsonObject Change(JsonObject item, JsonObject changes)
    {
        Merge(item, changes);
        if (item["manage_stock"]?.GetValue<bool>() == true && item["stock_quantity"] is JsonValue quantity)
        {
            item["stock_status"] = quantity.GetValue<int>() > 0 ? "instock" : "outofstock";
        }

        Stamp(item, "date_modified", time.GetUtcNow());
        return (JsonObject)item.DeepClone();
    }

    private static void Merge(JsonObject item, JsonObject fields)
    {
        foreach (var (name, value) in fields)
        {
            if (name != "id")
            {
                item[name] = value?.DeepClone();
            }
        }
    }

    internal static void Stamp(JsonObject item, string field, DateTimeOffset at)
    {
        var text = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        item[field] = text;
        item[field + "_gmt"] = text;
    }

    private void Link(JsonObject item, string self, string collection) =>
        item["_links"] = new JsonObject
        {
            ["self"] = new JsonArray(new JsonObject { ["href"] = ApiUrl(self) }),
            ["collection"] = new JsonArray(new JsonObject { ["href"] = ApiUrl(collection) }),
        };

    private string ApiUrl(string route) => new Uri(site(), $"wp-json/wc/v3/{route}").AbsoluteUri;

    private JsonObject? Copy(SortedDictionary<long, JsonObject> items, long id)
    {
        lock (gate)
        {
            return items.TryGetValue(id, out var item) ? (JsonObject)item.DeepClone() : null;
        }
    }

    private List<JsonObject> Copies(IEnumerable<JsonObject> items)
    {
        lock (gate)
        {
            return items.Select(item => (JsonObject)item.DeepClone()).ToList();
        }
    }
}
