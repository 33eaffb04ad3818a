using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Mapping;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// Reads the store's newest orders placed within <see cref="Lookback"/> and checks each tax line,
/// shipping line and payment gateway against the store's mappings with the flows' own lookups (<see cref="MappingLookup"/>)
/// and the same fallbacks: the default tax for orders taxed only as a whole, the default shipping product for any method.
/// Failures of the store's API are <see cref="StoreApiException"/>s.
/// </summary>
public sealed class MappingCoverageReader(TenantContext tenant, StoreOrderSetups setups, StoreClients clients, TimeProvider clock) : IMappingCoverage
{
    /// <summary>How old an order may be and still count: recent enough to be what the store sells now.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(90);

    public async Task<MappingCoverage> ReadAsync(Guid storeId, int recentOrders, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recentOrders);
        var setup = await SetupAsync(storeId, cancellationToken);
        return Cover(setup, await RecentOrdersAsync(clients.For(setup.Store), recentOrders, cancellationToken));
    }

    public async Task<MappingCoverage> CoverageOfAsync(Guid storeId, IReadOnlyList<CommerceOrder> orders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return Cover(await SetupAsync(storeId, cancellationToken), orders);
    }

    private async Task<StoreOrderSetup> SetupAsync(Guid storeId, CancellationToken cancellationToken) =>
        await setups.LoadAsync(tenant.Demand(TenantPermission.View), storeId, cancellationToken)
        ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");

    private static MappingCoverage Cover(StoreOrderSetup setup, IReadOnlyList<CommerceOrder> orders)
    {
        var taxes = new Dictionary<TaxKey, TaxTally>();
        var gateways = new Dictionary<string, GatewayTally>(StringComparer.OrdinalIgnoreCase);
        var methods = new Dictionary<string, MethodTally>(StringComparer.OrdinalIgnoreCase);
        var clean = 0;
        foreach (var order in orders)
        {
            var orderClean = true;
            foreach (var (key, orderLevel) in TaxesOf(order).Distinct())
            {
                var tally = taxes.TryGetValue(key, out var known) ? known : taxes[key] = new TaxTally(MappingLookup.Tax(setup.Taxes, key.Title, key.Rate, key.Country, key.PriceIncluded)?.OdooTaxId);
                tally.Orders.Add(order.Id);
                tally.OnlyOrderLevel &= orderLevel;
                orderClean &= orderLevel ? setup.Settings.DefaultTaxId is not null : tally.MappedId is not null;
            }

            foreach (var shipping in order.ShippingLines)
            {
                var method = MappingLookup.ShippingMethod(shipping);
                var mapped = MappingLookup.Shipping(setup.Shipping, shipping) is not null || setup.Settings.ShippingProductId is not null;
                var tally = methods.TryGetValue(method, out var known) ? known : methods[method] = new MethodTally(shipping.Title, mapped);
                tally.Orders.Add(order.Id);
                orderClean &= mapped;
            }

            foreach (var (gateway, title) in GatewaysOf(order))
            {
                var tally = gateways.TryGetValue(gateway, out var known) ? known : gateways[gateway] = new GatewayTally(gateway, MappingLookup.Journal(setup.Journals, gateway)?.OdooJournalId);
                tally.Title ??= title;
                tally.Orders.Add(order.Id);
                orderClean &= tally.JournalId is not null;
            }

            clean += orderClean ? 1 : 0;
        }

        return new MappingCoverage(
            orders.Count,
            clean,
            taxes.Select(t => new SeenTaxLine(t.Key.Title, t.Key.Rate, t.Key.Country, t.Key.PriceIncluded, t.Value.Orders.Count,
                    t.Value.OnlyOrderLevel ? setup.Settings.DefaultTaxId : t.Value.MappedId))
                .OrderByDescending(t => t.Orders).ThenBy(t => t.Title, StringComparer.CurrentCultureIgnoreCase).ToList(),
            gateways.Values.Select(g => new SeenGateway(g.Gateway, g.Title, g.Orders.Count, g.JournalId))
                .OrderByDescending(g => g.Orders).ThenBy(g => g.Gateway, StringComparer.OrdinalIgnoreCase).ToList(),
            methods.Select(m => new SeenShippingMethod(m.Key, m.Value.Title, m.Value.Orders.Count, m.Value.Mapped))
                .OrderByDescending(m => m.Orders).ThenBy(m => m.Method, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The newest <paramref name="count"/> orders, less those placed before the lookback.</summary>
    private async Task<List<CommerceOrder>> RecentOrdersAsync(IStoreClient client, int count, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Lookback;
        return (await client.RecentOrdersAsync(count, cancellationToken)).Where(o => o.CreatedAt >= since).ToList();
    }

    /// <summary>
    /// The taxes the order flow resolves, as it resolves them: per line, shipping line and fee at the order's inclusion,
    /// duties' never included; an order taxed only as a whole (older Shopify) takes the default tax, so its order-level
    /// lines are marked as such. A tax of zero needs no Odoo tax.
    /// </summary>
    private static IEnumerable<(TaxKey Key, bool OrderLevel)> TaxesOf(CommerceOrder order)
    {
        var country = MappingLookup.OrderCountry(order);
        var charged = MappingLookup.TaxedPerLine(order)
            ? order.Lines.SelectMany(l => l.Taxes).Concat(order.ShippingLines.SelectMany(s => s.Taxes)).Concat(order.Fees.SelectMany(f => f.Taxes))
                .Select(t => (Tax: t, Included: order.PricesIncludeTax, OrderLevel: false))
            : order.Totals.Tax != 0m
                ? order.TaxLines.Concat(order.Fees.SelectMany(f => f.Taxes)).Select(t => (Tax: t, Included: order.PricesIncludeTax, OrderLevel: true))
                : [];
        var duties = order.Lines.SelectMany(l => l.Duties).SelectMany(d => d.Taxes).Select(t => (Tax: t, Included: false, OrderLevel: false));
        return charged.Concat(duties)
            .Where(t => t.Tax.Amount != 0m)
            .Select(t => (new TaxKey(t.Tax.Title, t.Tax.Rate is { } rate ? Math.Round(rate, 6) : null, MappingLookup.TaxCountry(t.Tax, country), t.Included), t.OrderLevel));
    }

    /// <summary>
    /// The gateways the payment flow registers money of (successful sales and captures), and those the order names but has
    /// not been paid through yet (a bank transfer awaiting payment), with the name shown to the customer where known.
    /// </summary>
    private static IEnumerable<(string Gateway, string? Title)> GatewaysOf(CommerceOrder order) =>
        order.Payments
            .Where(p => p.Status.Meaning == CommercePaymentStatus.Success && p.Kind.Meaning is CommercePaymentKind.Sale or CommercePaymentKind.Capture)
            .Select(p => (Gateway: p.Gateway ?? "", Title: p.GatewayTitle))
            .Concat(order.PaymentGateways.Select(g => (Gateway: g, Title: (string?)null)))
            .Where(g => g.Gateway.Length > 0)
            .DistinctBy(g => g.Gateway, StringComparer.OrdinalIgnoreCase);

    private sealed record TaxKey(string Title, decimal? Rate, string Country, bool PriceIncluded)
    {
        public bool Equals(TaxKey? other) => other is not null && string.Equals(Title, other.Title, StringComparison.OrdinalIgnoreCase)
            && Rate == other.Rate && Country == other.Country && PriceIncluded == other.PriceIncluded;

        public override int GetHashCode() => HashCode.Combine(Title.ToUpperInvariant(), Rate, Country, PriceIncluded);
    }

    private sealed class TaxTally(long? mappedId)
    {
        public long? MappedId { get; } = mappedId;
        public HashSet<string> Orders { get; } = [];

        /// <summary>Whether every order using it reported it only on the whole order, so the default tax covers it.</summary>
        public bool OnlyOrderLevel { get; set; } = true;
    }

    private sealed class MethodTally(string title, bool mapped)
    {
        public string Title { get; } = title;
        public bool Mapped { get; } = mapped;
        public HashSet<string> Orders { get; } = [];
    }

    private sealed class GatewayTally(string gateway, long? journalId)
    {
        public string Gateway { get; } = gateway;
        public string? Title { get; set; }
        public long? JournalId { get; } = journalId;
        public HashSet<string> Orders { get; } = [];
    }
}
