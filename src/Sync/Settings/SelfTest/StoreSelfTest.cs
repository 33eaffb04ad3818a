using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings.SelfTest;

/// <summary>
/// "Run tests" on a store's Monitor tab: the store's credentials and access, the tenant's Odoo connection and rights,
/// the mappings its recent orders and features need, its webhook subscriptions, and a dry run of its recent orders
/// through the order flow. Every check runs on its own with its own time limit, so one failing (Odoo down) leaves the
/// others' answers; nothing is written anywhere but the audit entry. Viewers may run it: it only reads.
/// </summary>
public sealed class StoreSelfTest(
    TenantContext tenant,
    IDbContextFactory<PortalDbContext> dbFactory,
    StoreOrderSetups setups,
    StoreClients stores,
    TenantOdoo tenantOdoo,
    OdooConnectionTester odooTester,
    SecretProtector secrets,
    IMappingCoverage coverage,
    IEnumerable<ISubscriptionTopics> topicPlans,
    WebhookAddresses addresses,
    OrderDryRun dryRun,
    IOptions<ShopifyOptions> shopify,
    AuditLog audit)
{
    public const int DefaultRecentOrders = 20;

    public const string StoreConnection = "Store connection";
    public const string StoreAccess = "Store access";
    public const string OdooConnection = "Odoo connection and rights";
    public const string DryRun = "Dry run of recent orders";

    /// <summary>How long one check may take; a store or Odoo that does not answer fails its checks, not the test.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The dry run reads each order's links, products and customer, so it may take longer.</summary>
    public static readonly TimeSpan DryRunTimeout = TimeSpan.FromMinutes(2);

    public async Task<SelfTestReport> RunAsync(Guid storeId, int recentOrders = DefaultRecentOrders, CancellationToken cancellationToken = default)
    {
        if (recentOrders is < 1 or > ShopifyOptions.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(recentOrders), recentOrders, $"A self-test tries 1 to {ShopifyOptions.MaxPageSize} orders.");
        }

        var tenantId = tenant.Demand(TenantPermission.View);
        var setup = await setups.LoadAsync(tenantId, storeId, cancellationToken) ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");

        var description = Bounded(CheckTimeout, token => stores.For(setup.Store).DescribeAsync(token), cancellationToken);
        var orders = Bounded(CheckTimeout, token => stores.For(setup.Store).RecentOrdersAsync(recentOrders, token), cancellationToken);
        var checks = new List<Task<IReadOnlyList<SelfTestCheck>>>
        {
            Guarded(StoreConnection, async () => [Connected(setup, await description)]),
            Guarded(StoreAccess, async () => [Access(setup, await description)]),
            Guarded(OdooConnection, async () => [await OdooAsync(cancellationToken)]),
            Guarded(MappingChecks.Taxes, async () =>
                [.. MappingChecks.FromCoverage(setup, await coverage.CoverageOfAsync(storeId, await orders, cancellationToken))]),
            Guarded(MappingChecks.Locations, () => Task.FromResult<IReadOnlyList<SelfTestCheck>>([MappingChecks.LocationsFor(setup)])),
            Guarded(MappingChecks.OrderProducts, async () => [MappingChecks.OrderProductsFor(setup, await orders)]),
            Guarded(WebhookSubscriptionCheck.Name, async () => [await WebhooksAsync(setup, cancellationToken)]),
        };
        var dryRunOrders = DryRunAsync(setup, orders, cancellationToken);
        checks.Add(Guarded(DryRun, async () => [Summarize(setup, await dryRunOrders)]));

        var report = new SelfTestReport((await Task.WhenAll(checks)).SelectMany(c => c).ToList(), await Guarded(dryRunOrders));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Record(db, "store-self-test.run", setup.Store.Name, report.Summary);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private static SelfTestCheck Connected(StoreOrderSetup setup, StoreDescription description)
    {
        var version = description.Version is null ? "" : $", {description.Version}";
        return new(StoreConnection, SelfTestOutcome.Passed, $"{setup.Store.Name} answers as {description.Name} ({description.Currency}{version}).");
    }

    private SelfTestCheck Access(StoreOrderSetup setup, StoreDescription description)
    {
        var fixPath = setup.FixPath("settings?tab=connection");
        if (setup.Store.Platform == StorePlatform.WooCommerce)
        {
            return description.Access.Contains("read_write")
                ? new(StoreAccess, SelfTestOutcome.Passed, "The REST API key may read and write.")
                : new(StoreAccess, SelfTestOutcome.Failed,
                    "The REST API key may only read, so stock, fulfilments and products cannot be written. Create a Read/Write key in WooCommerce and connect again.", fixPath);
        }

        // A write scope includes its read scope.
        var granted = description.Access.SelectMany(s => s.StartsWith("write_", StringComparison.Ordinal) ? [s, "read_" + s["write_".Length..]] : new[] { s }).ToHashSet();
        var missing = shopify.Value.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => !granted.Contains(s)).ToList();
        return missing.Count == 0
            ? new(StoreAccess, SelfTestOutcome.Passed, $"The app has every access scope the connector asks for ({description.Access.Count} granted).")
            : new(StoreAccess, SelfTestOutcome.Failed, $"The app lacks the access scopes {string.Join(", ", missing)}. Approve the app's access again.", fixPath);
    }

    private async Task<SelfTestCheck> OdooAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.OdooConnections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (StoredOdooConnection.EndpointOf(connection, secrets) is not { } endpoint)
        {
            return new(OdooConnection, SelfTestOutcome.Failed, "No Odoo database is connected yet. Connect one.", "odoo");
        }

        OdooConnectionReport report;
        try
        {
            report = await Bounded(CheckTimeout, token => odooTester.TestAsync(endpoint, token), cancellationToken);
        }
        catch (TimeoutException ex)
        {
            return new(OdooConnection, SelfTestOutcome.Failed, $"Odoo at {connection!.Url} did not answer: {ex.Message}", "odoo");
        }

        if (report.Succeeded)
        {
            return new(OdooConnection, SelfTestOutcome.Passed, report.Summary);
        }

        var missing = report.Missing.Count == 0 ? "" : $" Missing: {string.Join(", ", report.Missing.Select(p => $"{p.Operation} on {p.Model}"))}.";
        return new(OdooConnection, SelfTestOutcome.Failed, report.Summary + missing, "odoo");
    }

    private async Task<SelfTestCheck> WebhooksAsync(StoreOrderSetup setup, CancellationToken cancellationToken)
    {
        var store = setup.Store;
        if (!addresses.Configured)
        {
            return new(WebhookSubscriptionCheck.Name, SelfTestOutcome.Warning,
                "Stores:PublicBaseUrl is not set, so no store can be told where to send webhooks; polling still finds every change. Set it to the portal's public https address.",
                "health");
        }

        var needed = topicPlans.Single(p => p.Platform == store.Platform).For(store.Features, store.ProductDirection);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recorded = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.StoreId == store.Id).ToListAsync(cancellationToken);
        var remote = await Bounded(CheckTimeout, token => stores.For(store).WebhooksAsync(token), cancellationToken);
        var ours = remote.Where(w => WebhookAddresses.IsOurs(w.Address, store.Platform, store.Id)).ToList();
        return WebhookSubscriptionCheck.Evaluate(setup, needed, recorded, ours, addresses.For(store.Platform, store.Id));
    }

    private async Task<IReadOnlyList<DryRunOrder>> DryRunAsync(StoreOrderSetup setup, Task<IReadOnlyList<CommerceOrder>> orders, CancellationToken cancellationToken)
    {
        var read = await orders;
        if (read.Count == 0)
        {
            return [];
        }

        var odoo = await tenantOdoo.ClientAsync(setup.Store.TenantId, cancellationToken);
        return await Bounded(DryRunTimeout, async token =>
        {
            var results = new List<DryRunOrder>(read.Count);
            foreach (var order in read)
            {
                results.Add(await dryRun.RunAsync(setup, odoo, order, token));
            }

            return (IReadOnlyList<DryRunOrder>)results;
        }, cancellationToken);
    }

    private static SelfTestCheck Summarize(StoreOrderSetup setup, IReadOnlyList<DryRunOrder> orders)
    {
        if (orders.Count == 0)
        {
            return new(DryRun, SelfTestOutcome.Warning, "The store has no orders yet, so none could be tried.");
        }

        var failed = orders.Where(o => o.Outcome == SelfTestOutcome.Failed).ToList();
        return failed.Count == 0
            ? new(DryRun, SelfTestOutcome.Passed, $"All {orders.Count} recent orders would import cleanly.")
            : new(DryRun, SelfTestOutcome.Failed, $"{failed.Count} of the last {orders.Count} orders would stop: {failed[0].OrderName}: {failed[0].Message}",
                failed[0].FixPath ?? setup.FixPath("settings?tab=monitor"));
    }

    /// <summary>The check's answer, or its failure as the check's one row: no exception of one check reaches the others.</summary>
    private static async Task<IReadOnlyList<SelfTestCheck>> Guarded(string name, Func<Task<IReadOnlyList<SelfTestCheck>>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception ex) when (Problem(ex) is { } problem)
        {
            return [new SelfTestCheck(name, SelfTestOutcome.Failed, problem.Message, problem.FixPath)];
        }
    }

    private static async Task<IReadOnlyList<DryRunOrder>> Guarded(Task<IReadOnlyList<DryRunOrder>> orders)
    {
        try
        {
            return await orders;
        }
        catch (Exception ex) when (Problem(ex) is not null)
        {
            // The dry run's check row already says why no order was tried.
            return [];
        }
    }

    private static (string Message, string? FixPath)? Problem(Exception exception) => exception switch
    {
        JobConfigurationException configuration => (configuration.Message, configuration.FixPath),
        StoreApiException or OdooException or HttpRequestException or TimeoutException => (exception.Message, null),
        _ => null,
    };

    private static async Task<T> Bounded<T>(TimeSpan limit, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            return await work(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {limit.TotalSeconds:0} seconds.");
        }
    }
}
