using Portal.Sync.Commerce;

namespace Portal.Sync.Stores;

/// <summary>
/// One store's API as the connector uses it, whichever the platform: the Shopify and WooCommerce clients
/// implement it, so subscriptions, polling and the flows are written once. Failures are <see cref="StoreApiException"/>s.
/// </summary>
public interface IStoreClient
{
    /// <summary>Who the store is and what the credentials may do: the connection test and the health check.</summary>
    Task<StoreDescription> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>Orders changed at or after <paramref name="since"/>, oldest change first, one page at a time (refunds ride along on their order).</summary>
    Task<StorePage<CommerceOrder>> OrdersChangedSinceAsync(DateTimeOffset since, string? pageCursor, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="count"/> of the store's newest orders, newest first: the mapping coverage and the self-test read them.</summary>
    Task<IReadOnlyList<CommerceOrder>> RecentOrdersAsync(int count, CancellationToken cancellationToken);

    /// <summary>The order as it is now; null when the store has no such order.</summary>
    Task<CommerceOrder?> OrderAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Every webhook subscription the credentials can see on the store.</summary>
    Task<IReadOnlyList<RemoteWebhook>> WebhooksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes <paramref name="address"/> to <paramref name="topic"/> (the platform's own topic name). WooCommerce signs
    /// each webhook with the given <paramref name="secret"/>; Shopify signs with the app's client secret and ignores it.
    /// </summary>
    Task<RemoteWebhook> CreateWebhookAsync(string topic, Uri address, string secret, CancellationToken cancellationToken);

    /// <summary>Removes a subscription; one already gone is not an error.</summary>
    Task DeleteWebhookAsync(string remoteId, CancellationToken cancellationToken);

    IStoreInventory Inventory { get; }

    IStoreCatalogue Catalogue { get; }

    IStoreFulfilments Fulfilments { get; }
}
