using System.Globalization;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Mapping;
using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Settings.SelfTest;

/// <summary>
/// Whether a store's mappings and order settings cover what its recent orders and its features need. What an enabled
/// feature needs and lacks fails; what only a disabled feature would need is a warning.
/// </summary>
internal static class MappingChecks
{
    public const string Taxes = "Tax mappings";
    public const string Journals = "Payment journals";
    public const string Shipping = "Shipping methods";
    public const string Locations = "Store locations";
    public const string OrderProducts = "Discount, tip, duty and fee products";

    public static IEnumerable<SelfTestCheck> FromCoverage(StoreOrderSetup setup, MappingCoverage coverage)
    {
        var orders = setup.Store.Features.HasFlag(StoreFeatures.Orders);
        var payments = setup.Store.Features.HasFlag(StoreFeatures.Payments);
        yield return Check(Taxes, orders, coverage, setup.FixPath("mappings/taxes"),
            coverage.Taxes.Where(t => !t.IsMapped).Select(t => ($"'{t.Title}' ({Rate(t.Rate)}{Country(t.CountryCode)}, {Included(t.PriceIncluded)})", t.Orders)).ToList(),
            "tax line", "tax mapping");
        yield return Check(Journals, payments, coverage, setup.FixPath("mappings/journals"),
            coverage.Gateways.Where(g => !g.IsMapped).Select(g => ($"'{g.Title ?? g.Gateway}' ({g.Gateway})", g.Orders)).ToList(),
            "payment gateway", "journal mapping");
        yield return Check(Shipping, orders, coverage, setup.FixPath("mappings/shipping"),
            coverage.ShippingMethods.Where(s => !s.IsMapped).Select(s => ($"'{s.Title}' ({s.Method})", s.Orders)).ToList(),
            "shipping method", "shipping mapping or default shipping product");
    }

    public static SelfTestCheck LocationsFor(StoreOrderSetup setup)
    {
        var needing = new[] { StoreFeatures.Stock, StoreFeatures.Fulfilment }.Where(f => setup.Store.Features.HasFlag(f)).ToList();
        if (needing.Count == 0)
        {
            return new(Locations, SelfTestOutcome.Passed, "Neither stock nor fulfilment is synced, so no location needs a warehouse.");
        }

        var features = string.Join(" and ", needing.Select(f => f.ToString().ToLowerInvariant()));
        return setup.Locations.Count == 0
            ? new(Locations, SelfTestOutcome.Failed, $"No store location is mapped to an Odoo warehouse, which {features} need. Map the store's locations.", setup.FixPath("mappings/locations"))
            : new(Locations, SelfTestOutcome.Passed, $"{Count(setup.Locations.Count, "location")} mapped to Odoo warehouses for {features}.");
    }

    /// <summary>The order settings' products the recent orders need: a discount, tip, duty or fee without its product stops the order.</summary>
    public static SelfTestCheck OrderProductsFor(StoreOrderSetup setup, IReadOnlyList<CommerceOrder> orders)
    {
        var settings = setup.Settings;
        var missing = new (string Product, bool Needed, long? Chosen)[]
            {
                ("discount", settings.DiscountMode == DiscountMode.DiscountProductLine && orders.Any(o => o.Lines.Any(l => l.Discounts.Any(d => d.Amount != 0m))), settings.DiscountProductId),
                ("tip", orders.Any(o => o.Totals.Tips != 0m), settings.TipProductId),
                ("duty", orders.Any(o => o.Lines.Any(l => l.Duties.Count > 0)), settings.DutyProductId),
                ("fee", orders.Any(o => o.Fees.Count > 0), settings.FeeProductId),
            }
            .Where(p => p.Needed && p.Chosen is null)
            .Select(p => p.Product)
            .ToList();
        if (missing.Count > 0)
        {
            return new(OrderProducts, setup.Store.Features.HasFlag(StoreFeatures.Orders) ? SelfTestOutcome.Failed : SelfTestOutcome.Warning,
                $"Recent orders have {string.Join(", ", missing.Select(p => p + "s"))}, but no {string.Join(" or ", missing)} product is chosen. Choose it in the order settings.",
                setup.SettingsPath);
        }

        return new(OrderProducts, SelfTestOutcome.Passed, $"Every discount, tip, duty and fee of the last {Count(orders.Count, "order")} has its product.");
    }

    private static SelfTestCheck Check(
        string name, bool featureOn, MappingCoverage coverage, string fixPath, List<(string What, int Orders)> unmapped, string thing, string mapping)
    {
        if (unmapped.Count == 0)
        {
            return new(name, SelfTestOutcome.Passed, $"Every {thing} of the last {Count(coverage.OrdersRead, "order")} has a {mapping}.");
        }

        var listed = string.Join("; ", unmapped.Select(u => $"{u.What} in {Count(u.Orders, "order")}"));
        var consequence = featureOn ? "Their orders stop until it is mapped." : "Not needed while the feature is off.";
        return new(name, featureOn ? SelfTestOutcome.Failed : SelfTestOutcome.Warning,
            $"{Count(unmapped.Count, thing)} of the last {Count(coverage.OrdersRead, "order")} {(unmapped.Count == 1 ? "has" : "have")} no {mapping}: {listed}. {consequence}", fixPath);
    }

    private static string Rate(decimal? rate) => rate is { } known ? string.Create(CultureInfo.InvariantCulture, $"{known * 100:0.###} %") : "rate unknown";

    private static string Country(string code) => code.Length > 0 ? $", {code}" : "";

    private static string Included(bool included) => included ? "prices including tax" : "prices excluding tax";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
