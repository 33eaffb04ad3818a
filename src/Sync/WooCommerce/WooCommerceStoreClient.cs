using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>One WooCommerce store as <see cref="IStoreClient"/>, plus the stock writes the stock flow needs.</summary>
public sealed class WooCommerceStoreClient : IStoreClient
{
    private readonly WooCommerceRestClient rest;

    internal WooCommerceStoreClient(WooCommerceRestClient rest)
    {
        this.rest = rest;
        Inventory = new WooCommerceInventory(rest);
        Catalogue = new WooCommerceCatalogue(rest);
        Fulfilments = new WooCommerceFulfilments(rest);
    }

    public IStoreInventory Inventory { get; }

    public IStoreCatalogue Catalogue { get; }

    public IStoreFulfilments Fulfilments { get; }

    /// <summary>
    /// The site's name, currency and WooCommerce version, and the key's access: WooCommerce tells no key its own
    /// permissions, so an empty webhook batch (which changes nothing) finds out whether the key may write.
    /// </summary>
    public async Task<StoreDescription> DescribeAsync(CancellationToken cancellationToken)
    {
        var status = await rest.GetAsync("system_status", [KeyValuePair.Create("_fields", "environment,settings")], cancellationToken);
        var (version, currency) = Read(status, "WooCommerce system status",
            node => (node.Object("environment")?.Text("version"), node.RequiredObject("settings").RequiredText("currency")));
        var index = await rest.GetSiteIndexAsync([KeyValuePair.Create("_fields", "name")], cancellationToken);
        var name = Read(index, "WordPress site index", node => node.DecodedText("name"));
        var access = await MayWriteAsync(cancellationToken) ? "read_write" : "read";
        return new StoreDescription(name ?? rest.Site.Address, currency, version, [access], RateLimitRemaining: null);
    }

    /// <summary>
    /// Orders by modification time, oldest first; the cursor is the next page number. WooCommerce's
    /// <c>modified_after</c> is exclusive and counts whole seconds, so the query starts a second before
    /// <paramref name="since"/>: orders changed in that same second come again rather than never.
    /// </summary>
    public async Task<StorePage<CommerceOrder>> OrdersChangedSinceAsync(DateTimeOffset since, string? pageCursor, CancellationToken cancellationToken)
    {
        var page = pageCursor is null ? 1
            : int.TryParse(pageCursor, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number
            : throw new ArgumentException($"'{pageCursor}' is not a WooCommerce page cursor.", nameof(pageCursor));
        var after = DateTimeOffset.FromUnixTimeSeconds(since.ToUnixTimeSeconds() - 1);
        var listed = await rest.GetPageAsync("orders",
        [
            KeyValuePair.Create("modified_after", after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            KeyValuePair.Create("dates_are_gmt", "true"),
            KeyValuePair.Create("orderby", "modified"),
            KeyValuePair.Create("order", "asc"),
        ], page, cancellationToken);
        return new StorePage<CommerceOrder>(
            listed.Items.Select(Order).ToList(),
            listed.HasNext ? (page + 1).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The newest orders by creation date; refunds only as the listing embeds them (id, reason, total).</summary>
    public async Task<IReadOnlyList<CommerceOrder>> RecentOrdersAsync(int count, CancellationToken cancellationToken)
    {
        var orders = new List<CommerceOrder>();
        for (var page = 1; orders.Count < count; page++)
        {
            var listed = await rest.GetPageAsync("orders", [KeyValuePair.Create("orderby", "date"), KeyValuePair.Create("order", "desc")], page, cancellationToken);
            orders.AddRange(listed.Items.Take(count - orders.Count).Select(Order));
            if (!listed.HasNext)
            {
                break;
            }
        }

        return orders;
    }

    /// <summary>
    /// The order with its refunds in full: the order embeds only each refund's id, reason and total, so an order that
    /// has refunds is followed by a read of all its refunds' pages.
    /// </summary>
    public async Task<CommerceOrder?> OrderAsync(string orderId, CancellationToken cancellationToken)
    {
        var id = Id(orderId);
        if (await rest.FindAsync($"orders/{id}", cancellationToken) is not { } body)
        {
            return null;
        }

        var order = Order(body);
        if (order.Refunds.Count == 0)
        {
            return order;
        }

        var refunds = await rest.GetAllAsync($"orders/{id}/refunds", [], cancellationToken);
        return Understood(() => WooCommercePayloads.ParseOrder(body.GetRawText(), refunds.Select(refund => refund.GetRawText()).ToList()));
    }

    public async Task<IReadOnlyList<RemoteWebhook>> WebhooksAsync(CancellationToken cancellationToken) =>
        (await rest.GetAllAsync("webhooks", [], cancellationToken)).Select(Webhook).ToList();

    public async Task<RemoteWebhook> CreateWebhookAsync(string topic, Uri address, string secret, CancellationToken cancellationToken) =>
        Webhook(await rest.PostAsync("webhooks", new JsonObject
        {
            ["name"] = $"Connector portal: {topic}",
            ["topic"] = topic,
            ["delivery_url"] = address.AbsoluteUri,
            ["secret"] = secret,
            ["status"] = "active",
        }, cancellationToken));

    public Task DeleteWebhookAsync(string remoteId, CancellationToken cancellationToken) =>
        rest.DeleteAsync($"webhooks/{Id(remoteId)}", [KeyValuePair.Create("force", "true")], cancellationToken);

    private async Task<bool> MayWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await rest.PostAsync("webhooks/batch", new JsonObject(), cancellationToken);
            return true;
        }
        catch (StoreApiException error) when (error.Kind == StoreApiErrorKind.Permission)
        {
            return false;
        }
    }

    private static CommerceOrder Order(JsonElement order) => Read(order, "WooCommerce order", WooCommerceOrderMapper.Map);

    private static RemoteWebhook Webhook(JsonElement webhook) => Read(webhook, "WooCommerce webhook", node =>
    {
        var address = node.RequiredText("delivery_url");
        return new RemoteWebhook(
            node.RequiredId("id"),
            node.RequiredText("topic"),
            Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : throw node.Problem($"delivery_url is not an address: {address}"),
            node.Text("status") == "active");
    });

    /// <summary>A body the mappers cannot read is the store's answer that the client does not understand.</summary>
    private static T Read<T>(JsonElement json, string resource, Func<PayloadNode, T> map) =>
        Understood(() => StorePayload.Read(json.GetRawText(), resource, map));

    private static T Understood<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CommercePayloadException error)
        {
            throw new StoreApiException(StoreApiErrorKind.Protocol, error.Message, inner: error);
        }
    }

    // WooCommerce routes take digits only; anything else would hit no route at all, which reads as a broken site.
    private static string Id(string id) =>
        id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw new ArgumentException($"'{id}' is not a WooCommerce id.", nameof(id));
}
