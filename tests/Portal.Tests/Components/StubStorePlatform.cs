using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;

namespace Portal.Tests.Components;

/// <summary>
/// A platform whose stores accept exactly one credentials document and refuse any other, as a store refuses a
/// wrong or revoked token: connection tests without network. The page only ever tests a connection.
/// </summary>
internal sealed class StubStorePlatform(StorePlatform platform, string acceptedCredentialsJson, string storeName) : IStorePlatformClients
{
    public StorePlatform Platform => platform;

    public IStoreClient Create(StoreConnection connection) => new Client(connection.CredentialsJson == acceptedCredentialsJson, storeName);

    private sealed class Client(bool accepted, string storeName) : IStoreClient
    {
        public Task<StoreDescription> DescribeAsync(CancellationToken cancellationToken) => accepted
            ? Task.FromResult(new StoreDescription(storeName, "EUR", null, ["read_orders"], null))
            : throw new StoreApiException(StoreApiErrorKind.Authentication, "The access token was rejected.");

        public Task<StorePage<CommerceOrder>> OrdersChangedSinceAsync(DateTimeOffset since, string? pageCursor, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<CommerceOrder>> RecentOrdersAsync(int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommerceOrder?> OrderAsync(string orderId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RemoteWebhook>> WebhooksAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RemoteWebhook> CreateWebhookAsync(string topic, Uri address, string secret, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task DeleteWebhookAsync(string remoteId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IStoreInventory Inventory => throw new NotSupportedException();

        public IStoreCatalogue Catalogue => throw new NotSupportedException();

        public IStoreFulfilments Fulfilments => throw new NotSupportedException();
    }
}
