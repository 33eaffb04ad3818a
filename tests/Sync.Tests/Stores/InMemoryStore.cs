using System.Collections.Concurrent;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Stores;

/// <summary>
/// A store behind the <see cref="IStoreClient"/> contract, in memory, for the platform-independent logic
/// (subscriptions, polling, removal); the platform clients are tested against the fake servers.
/// </summary>
internal sealed class InMemoryStore : IStorePlatformClients, IStoreClient
{
    private int nextWebhookId = 100;

    public InMemoryStore(StorePlatform platform) => Platform = platform;

    public StorePlatform Platform { get; }

    public string AcceptedCredentials { get; set; } = "";

    /// <summary>Thrown by every call when set, e.g. a revoked token.</summary>
    public StoreApiException? Failure { get; set; }

    public ConcurrentDictionary<string, RemoteWebhook> Webhooks { get; } = new();

    public List<CommerceOrder> Orders { get; } = [];

    public int PageSize { get; set; } = 2;

    public List<DateTimeOffset> ListedSince { get; } = [];

    public List<string> DeletedWebhooks { get; } = [];

    public IStoreClient Create(StoreConnection connection) =>
        connection.CredentialsJson == AcceptedCredentials ? this : new Refusing();

    public Task<StoreDescription> DescribeAsync(CancellationToken cancellationToken) =>
        Call(() => new StoreDescription("Alpha Shop", "EUR", "Basic", ["read_orders", "write_inventory"], 1900));

    public Task<StorePage<CommerceOrder>> OrdersChangedSinceAsync(DateTimeOffset since, string? pageCursor, CancellationToken cancellationToken) => Call(() =>
    {
        ListedSince.Add(since);
        var skip = pageCursor is null ? 0 : int.Parse(pageCursor, System.Globalization.CultureInfo.InvariantCulture);
        var matching = Orders.Where(o => o.UpdatedAt >= since).OrderBy(o => o.UpdatedAt).ToList();
        var page = matching.Skip(skip).Take(PageSize).ToList();
        var next = skip + PageSize < matching.Count ? (skip + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new StorePage<CommerceOrder>(page, next);
    });

    public Task<IReadOnlyList<CommerceOrder>> RecentOrdersAsync(int count, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<CommerceOrder>>(() => Orders.OrderByDescending(o => o.CreatedAt).Take(count).ToList());

    public Task<CommerceOrder?> OrderAsync(string orderId, CancellationToken cancellationToken) => Call(() => Orders.SingleOrDefault(o => o.Id == orderId));

    public Task<IReadOnlyList<RemoteWebhook>> WebhooksAsync(CancellationToken cancellationToken) =>
        Call(() => (IReadOnlyList<RemoteWebhook>)Webhooks.Values.OrderBy(w => w.Id, StringComparer.Ordinal).ToList());

    public Task<RemoteWebhook> CreateWebhookAsync(string topic, Uri address, string secret, CancellationToken cancellationToken) => Call(() =>
    {
        if (topic == "refused/topic")
        {
            throw new StoreApiException(StoreApiErrorKind.Validation, "Topic is not supported.");
        }

        var webhook = new RemoteWebhook(Interlocked.Increment(ref nextWebhookId).ToString(System.Globalization.CultureInfo.InvariantCulture), topic, address, true);
        Webhooks[webhook.Id] = webhook;
        return webhook;
    });

    public Task DeleteWebhookAsync(string remoteId, CancellationToken cancellationToken) => Call(() =>
    {
        DeletedWebhooks.Add(remoteId);
        return Webhooks.TryRemove(remoteId, out _);
    });

    public IStoreInventory Inventory => throw new NotSupportedException();

    public IStoreCatalogue Catalogue => throw new NotSupportedException();

    public IStoreFulfilments Fulfilments => throw new NotSupportedException();

    public RemoteWebhook AddWebhook(string topic, string address, bool active = true)
    {
        var webhook = new RemoteWebhook(Interlocked.Increment(ref nextWebhookId).ToString(System.Globalization.CultureInfo.InvariantCulture), topic, new Uri(address), active);
        Webhooks[webhook.Id] = webhook;
        return webhook;
    }

    public static CommerceOrder Order(string id, DateTimeOffset updatedAt, params string[] refundIds) => new()
    {
        Id = id,
        Name = $"#{id}",
        CreatedAt = updatedAt,
        UpdatedAt = updatedAt,
        Currency = "EUR",
        PricesIncludeTax = false,
        FinancialStatus = new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Paid, "paid"),
        FulfilmentStatus = new StoreCode<CommerceFulfilmentStatus>(CommerceFulfilmentStatus.Unfulfilled, "unfulfilled"),
        Lines = [],
        ShippingLines = [],
        Fees = [],
        TaxLines = [],
        Discounts = [],
        Totals = new CommerceOrderTotals { LineItems = 0, Discounts = 0, Shipping = 0, Tax = 0, Tips = 0, Duties = 0, Fees = 0, Total = 0 },
        PaymentGateways = [],
        Payments = [],
        Refunds = refundIds.Select(r => new CommerceRefund { Id = r, OrderId = id, Lines = [], Shipping = 0, Adjustments = [], Transactions = [], Amount = 0 }).ToList(),
        Fulfilments = [],
    };

    private async Task<T> Call<T>(Func<T> action)
    {
        await Task.Yield();
        return Failure is { } failure ? throw failure : action();
    }

    private sealed class Refusing : IStoreClient
    {
        private static StoreApiException Refused => new(StoreApiErrorKind.Authentication, "The access token was rejected.", 401);

        public Task<StoreDescription> DescribeAsync(CancellationToken cancellationToken) => throw Refused;

        public Task<StorePage<CommerceOrder>> OrdersChangedSinceAsync(DateTimeOffset since, string? pageCursor, CancellationToken cancellationToken) => throw Refused;

        public Task<IReadOnlyList<CommerceOrder>> RecentOrdersAsync(int count, CancellationToken cancellationToken) => throw Refused;

        public Task<CommerceOrder?> OrderAsync(string orderId, CancellationToken cancellationToken) => throw Refused;

        public Task<IReadOnlyList<RemoteWebhook>> WebhooksAsync(CancellationToken cancellationToken) => throw Refused;

        public Task<RemoteWebhook> CreateWebhookAsync(string topic, Uri address, string secret, CancellationToken cancellationToken) => throw Refused;

        public Task DeleteWebhookAsync(string remoteId, CancellationToken cancellationToken) => throw Refused;

        public IStoreInventory Inventory => throw Refused;

        public IStoreCatalogue Catalogue => throw Refused;

        public IStoreFulfilments Fulfilments => throw Refused;
    }
}
