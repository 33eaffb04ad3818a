using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Orders;
using Portal.Fakes.Shopify;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.Flows;

/// <summary>
/// One tenant of the portal's Sync services over a real SQLite file, connected to <see cref="FlowOdoo"/> and to a
/// fake Shopify shop or WooCommerce site. Jobs are queued in the real job store and run by the real job runner
/// with the real flows. Taxes at 15 % (exact cents at the test's prices, so either tax rounding gives the
/// store's totals), the products of <see cref="Skus"/>, shipping and discount products and a bank journal are
/// made in Odoo and mapped in the store's settings.
/// </summary>
internal sealed class FlowTestBed : IAsyncDisposable
{
    public const string StateTaxTitle = "State Tax";
    public const string Gateway = "bogus";
    public const string GiftCardGateway = "gift_card";

    public static readonly FakeTaxSpec StateTax = new(StateTaxTitle, 0.15m);

    private readonly Dictionary<string, long> products = [];
    private FakeShopifyServer? shopify;
    private FakeWooCommerceServer? wooCommerce;
    private int enqueued;

    private FlowTestBed(FlowOdoo odoo, SyncTestHost host, OdooTraffic traffic)
    {
        Odoo = odoo;
        Host = host;
        Traffic = traffic;
    }

    public FlowOdoo Odoo { get; }

    public SyncTestHost Host { get; }

    /// <summary>The portal's Odoo calls as they went over the wire.</summary>
    public OdooTraffic Traffic { get; }

    public Guid TenantId { get; private set; }

    public Guid StoreId { get; private set; }

    public string StoreAddress { get; private set; } = "";

    public FakeShopifyServer Shopify => shopify ?? throw new InvalidOperationException("This bed's store is a WooCommerce site.");

    public FakeWooCommerceServer WooCommerce => wooCommerce ?? throw new InvalidOperationException("This bed's store is a Shopify shop.");

    public long TaxId { get; private set; }

    public long ShippingProductId { get; private set; }

    public long DiscountProductId { get; private set; }

    public long BankJournalId { get; private set; }

    /// <summary>Chair, desk and lamp: SKUs unique to the run.</summary>
    public string[] Skus { get; private set; } = [];

    public long ProductId(string sku) => products[sku];

    /// <param name="publicBaseUrl">Stores:PublicBaseUrl, where stores download what the portal serves them (product images).</param>
    /// <param name="configure">Adds or replaces services of the portal, after the bed's own.</param>
    public static async Task<FlowTestBed> StartAsync(
        StorePlatform platform, StoreFeatures features = StoreFeatures.Default, Uri? publicBaseUrl = null, Action<IServiceCollection>? configure = null)
    {
        var odoo = await FlowOdoo.StartAsync();
        var traffic = new OdooTraffic();
        var host = await SyncTestHost.StartAsync(services =>
        {
            services.AddHttpClient("odoo").AddHttpMessageHandler(traffic.Handler);
            services.Configure<StoresOptions>(o => (o.AllowLoopbackAddresses, o.PublicBaseUrl) = (true, publicBaseUrl));
            configure?.Invoke(services);
        });
        var bed = new FlowTestBed(odoo, host, traffic);
        await bed.SetUpAsync(platform, features);
        return bed;
    }

    private async Task SetUpAsync(StorePlatform platform, StoreFeatures features)
    {
        TenantId = await Host.AddTenantAsync("Flows");
        TaxId = await Odoo.TaxAsync("state tax 15", 15);
        Skus = [Odoo.Sku("chair"), Odoo.Sku("desk"), Odoo.Sku("lamp")];
        foreach (var sku in Skus)
        {
            products[sku] = await Odoo.ProductAsync(sku, 1);
        }

        ShippingProductId = await Odoo.ProductAsync(Odoo.Sku("shipping"), 0, storable: false);
        DiscountProductId = await Odoo.ProductAsync(Odoo.Sku("discount"), 0, storable: false);
        BankJournalId = await Odoo.BankJournalAsync();

        string credentials;
        if (platform == StorePlatform.Shopify)
        {
            shopify = await FakeShopifyServer.StartAsync();
            StoreAddress = shopify.Url.ToString();
            credentials = new ShopifyCredentials(shopify.AccessToken).ToJson();
        }
        else
        {
            wooCommerce = await FakeWooCommerceServer.StartAsync();
            StoreAddress = wooCommerce.Url.AbsoluteUri;
            credentials = new WooCommerceCredentials(wooCommerce.ReadWriteKey.ConsumerKey, wooCommerce.ReadWriteKey.ConsumerSecret).ToJson();
        }

        var secrets = Host.Services.GetRequiredService<SecretProtector>();
        var now = Host.Clock.GetUtcNow();
        await WriteAsync(db =>
        {
            db.OdooConnections.Add(new OdooConnection
            {
                TenantId = TenantId,
                Url = Odoo.Endpoint.Url.ToString(),
                Database = Odoo.Endpoint.Database,
                Login = Odoo.Endpoint.Login,
                ProtectedApiKey = secrets.Protect(Odoo.Endpoint.Secret),
                UpdatedAt = now,
            });
            var store = new Store
            {
                TenantId = TenantId,
                Name = "Flow store",
                Platform = platform,
                Address = StoreAddress,
                ProtectedCredentials = secrets.Protect(credentials),
                Features = features,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Stores.Add(store);
            StoreId = store.Id;
            db.StoreOrderSettings.Add(new StoreOrderSettings
            {
                StoreId = store.Id,
                TenantId = TenantId,
                CompanyId = Odoo.CompanyId,
                ShippingProductId = ShippingProductId,
                DiscountProductId = DiscountProductId,
                UpdatedAt = now,
            });
            db.TaxMappings.Add(new TaxMapping { TenantId = TenantId, StoreId = store.Id, Title = StateTaxTitle, Rate = StateTax.Rate, OdooTaxId = TaxId, UpdatedAt = now });
            db.PaymentJournalMappings.Add(new PaymentJournalMapping { TenantId = TenantId, StoreId = store.Id, Gateway = Gateway, OdooJournalId = BankJournalId, UpdatedAt = now });
            return Task.CompletedTask;
        });
    }

    /// <summary>An order of <paramref name="lines"/> (SKU index, quantity, unit price) with 15 % tax and 10.00 shipping, by a customer unique to the run.</summary>
    public FakeOrderSpec Spec(params (int Sku, int Quantity, decimal Price)[] lines) => new()
    {
        Email = $"ada.{Odoo.Unique("customer").Split(' ')[^1]}@example.com",
        Lines = lines.Select(l => new FakeOrderLineSpec(Skus[l.Sku], $"Item {l.Sku}", l.Quantity, l.Price, [StateTax])).ToList(),
        Shipping = new FakeShippingSpec("Standard", "standard", 10m, [StateTax]),
        Gateway = Gateway,
    };

    /// <summary>Places the order in the store; returns its id.</summary>
    public async Task<string> PlaceAsync(FakeOrderSpec spec)
    {
        var id = shopify is not null ? shopify.AddOrder(spec).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : WooCommerce.Shop.AddOrder(spec).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Odoo.ForgetEarlierRunsAsync(Origin(id));
        return id;
    }

    /// <summary>The sale order's "Source Document" for store order <paramref name="orderId"/>.</summary>
    public string Origin(string orderId) => $"{new Uri(StoreAddress).Authority}:{orderId}";

    public async Task SettingsAsync(Action<StoreOrderSettings> change) =>
        await WriteAsync(async db =>
        {
            var settings = await db.StoreOrderSettings.SingleAsync(s => s.StoreId == StoreId);
            change(settings);
        });

    public Task MapJournalAsync(string gateway, long journalId) =>
        WriteAsync(db =>
        {
            db.PaymentJournalMappings.Add(new PaymentJournalMapping { TenantId = TenantId, StoreId = StoreId, Gateway = gateway, OdooJournalId = journalId, UpdatedAt = Host.Clock.GetUtcNow() });
            return Task.CompletedTask;
        });

    /// <summary>The next call of <paramref name="model"/>.<paramref name="method"/> is carried out by Odoo, but its answer never reaches the portal.</summary>
    public void LoseAnswer(string model, string method)
    {
        if (Odoo.Fake is { } fake)
        {
            fake.LoseAnswers(model, method, fault: FakeOdooFault.GatewayTimeout);
        }
        else
        {
            Traffic.LoseAnswers(model, method);
        }
    }

    /// <summary>Queues the order's job under an identity of its own, as a new webhook would.</summary>
    public async Task<Guid> EnqueueOrderAsync(string orderId)
    {
        var request = new JobRequest(StoreChangeJobs.OrdersFlow, $"Order {orderId}", StoreChangeJobs.OrderSubjectKey(StoreId, orderId),
            $"flow-test:{StoreId}:order:{orderId}:{Interlocked.Increment(ref enqueued)}", new JsonObject { ["resourceId"] = orderId }.ToJsonString(), StoreId);
        var result = await Host.Services.GetRequiredService<JobStore>().EnqueueAsync(TenantId, request);
        return result.JobId;
    }

    /// <summary>Queues the payments job of the order under an identity of its own (what a fulfilment in Odoo should ask for).</summary>
    public async Task<Guid> EnqueuePaymentsAsync(string orderId)
    {
        var request = new JobRequest(PaymentSyncFlow.Name, $"Payments of order {orderId}", StoreChangeJobs.OrderSubjectKey(StoreId, orderId),
            $"flow-test:{StoreId}:payments:{orderId}:{Interlocked.Increment(ref enqueued)}", new JsonObject { ["resourceId"] = orderId }.ToJsonString(), StoreId);
        return (await Host.Services.GetRequiredService<JobStore>().EnqueueAsync(TenantId, request)).JobId;
    }

    /// <summary>Runs every due job (follow-ups included) until none is left.</summary>
    public Task<int> RunJobsAsync() => Host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);

    /// <summary>Queues the order's job and runs it with whatever follows from it; returns the order job.</summary>
    public async Task<Job> SyncOrderAsync(string orderId)
    {
        var id = await EnqueueOrderAsync(orderId);
        await RunJobsAsync();
        return await JobAsync(id);
    }

    /// <summary>Lets the retry backoff of failed jobs pass and runs them again.</summary>
    public async Task RetryFailedAsync()
    {
        Host.Clock.Advance(TimeSpan.FromHours(2));
        await RunJobsAsync();
    }

    public Task<Job> JobAsync(Guid id) => ReadAsync(db => db.Jobs.IgnoreQueryFilters().SingleAsync(j => j.Id == id));

    public Task<List<Job>> JobsAsync(string flow) =>
        ReadAsync(db => db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == flow).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).ToListAsync());

    public Task<List<RecordLink>> LinksAsync(RecordLinkKind kind) =>
        ReadAsync(db => db.RecordLinks.IgnoreQueryFilters().Where(l => l.StoreId == StoreId && l.Kind == kind).OrderBy(l => l.StoreKey).ToListAsync());

    public Task<List<JobStateChange>> HistoryAsync(Guid jobId) =>
        ReadAsync(db => db.JobStateChanges.IgnoreQueryFilters().Where(c => c.JobId == jobId).OrderBy(c => c.Id).ToListAsync());

    private async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    /// <summary>Deletes the store's links of that kind, as if the jobs that made them had died before recording them.</summary>
    public Task ForgetLinksAsync(RecordLinkKind kind) =>
        WriteAsync(async db => db.RecordLinks.RemoveRange(await db.RecordLinks.Where(l => l.StoreId == StoreId && l.Kind == kind).ToListAsync()));

    private async Task WriteAsync(Func<PortalDbContext, Task> write)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(TenantId));
        await write(db);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (shopify is not null)
        {
            await shopify.DisposeAsync();
        }

        if (wooCommerce is not null)
        {
            await wooCommerce.DisposeAsync();
        }

        await Odoo.DisposeAsync();
    }
}
