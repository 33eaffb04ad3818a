using System.Globalization;
using Portal.Data.Entities;
using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Settings.Features;

/// <summary>
/// The mappings a feature needs before it may be switched on. Orders need every tax line and shipping method of the
/// store's recent orders mapped, Payments every gateway; Refunds need Orders; Stock and Fulfilment need the primary
/// location mapped to an Odoo warehouse or location (the one orders ship from and stock is read for at least);
/// Customers under one customer for every order need that customer. Switching off is always allowed, and a feature
/// already on stays on when a mapping later falls short: it is only warned about.
/// </summary>
public static class StoreFeatureRequirements
{
    /// <summary>How many of the store's newest orders the coverage is read from.</summary>
    public const int RecentOrders = 200;

    /// <summary>The features that cannot be on until their mappings are complete.</summary>
    public const StoreFeatures NeedCoverage = StoreFeatures.Orders | StoreFeatures.Payments;

    /// <summary>Whether <paramref name="feature"/> needs the store's recent orders read before it may be switched on.</summary>
    public static bool NeedsCoverage(StoreFeatures feature) => (NeedCoverage & feature) != 0;

    /// <summary>Why each feature of <paramref name="wanted"/> cannot work with the store as it is; features absent work.</summary>
    public static IReadOnlyList<FeatureBlock> Blocks(StoreFeatureReadiness readiness, StoreFeatures wanted)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        var blocks = new List<FeatureBlock>();
        foreach (var feature in Enum.GetValues<StoreFeatures>().Where(f => f is not StoreFeatures.None and not StoreFeatures.Default && wanted.HasFlag(f)))
        {
            blocks.AddRange(BlocksOf(readiness, feature, wanted));
        }

        return blocks;
    }

    /// <summary>
    /// Why features of <paramref name="wanted"/> cannot work by the store's settings and location mappings alone: the
    /// checks of Orders and Payments need the store's recent orders, which a configuration file does not have.
    /// </summary>
    public static IReadOnlyList<FeatureBlock> SettingsBlocks(StoreFeatureReadiness readiness, StoreFeatures wanted) =>
        Blocks(readiness, wanted).Where(b => !NeedsCoverage(b.Feature)).ToList();

    /// <summary>Why the features <paramref name="after"/> switches on (that <paramref name="before"/> has off) may not be switched on.</summary>
    public static IReadOnlyList<FeatureBlock> Refusals(StoreFeatureReadiness readiness, StoreFeatures before, StoreFeatures after) =>
        Blocks(readiness, after).Where(b => !before.HasFlag(b.Feature)).ToList();

    private static IEnumerable<FeatureBlock> BlocksOf(StoreFeatureReadiness readiness, StoreFeatures feature, StoreFeatures wanted)
    {
        var store = readiness.StoreId;
        if (NeedsCoverage(feature) && readiness.Coverage is null)
        {
            yield return new FeatureBlock(feature,
                $"The store's recent orders could not be read to check its mappings: {readiness.CoverageProblem ?? "they were not read."}", $"stores/{store}/settings?tab=monitor");
            yield break;
        }

        switch (feature)
        {
            case StoreFeatures.Orders:
                foreach (var tax in readiness.Coverage!.Taxes.Where(t => !t.IsMapped))
                {
                    yield return new FeatureBlock(feature, $"No tax mapping for '{tax.Title}'{TaxDetail(tax)}, used by {Orders(tax.Orders)}.", $"stores/{store}/mappings/taxes");
                }

                foreach (var method in readiness.Coverage.ShippingMethods.Where(m => !m.IsMapped))
                {
                    yield return new FeatureBlock(feature, $"No shipping mapping for '{method.Title}', used by {Orders(method.Orders)}.",
                        $"stores/{store}/mappings/shipping?method={Uri.EscapeDataString(method.Method)}");
                }

                break;
            case StoreFeatures.Payments:
                foreach (var gateway in readiness.Coverage!.Gateways.Where(g => !g.IsMapped))
                {
                    yield return new FeatureBlock(feature, $"No journal for the payment gateway '{gateway.Title ?? gateway.Gateway}', used by {Orders(gateway.Orders)}.",
                        $"stores/{store}/mappings/journals");
                }

                break;
            case StoreFeatures.Refunds when !wanted.HasFlag(StoreFeatures.Orders):
                yield return new FeatureBlock(feature, "Refunds need Orders: a refund is credited against the order the connector imported.", $"stores/{store}/settings?tab=features");
                break;
            case StoreFeatures.Stock or StoreFeatures.Fulfilment when !readiness.PrimaryLocationMapped:
                yield return new FeatureBlock(feature, "The store's primary location is not mapped to an Odoo warehouse or stock location.", $"stores/{store}/mappings/locations");
                break;
            case StoreFeatures.Customers when readiness.CustomerStrategy == CustomerStrategy.SingleCustomer && readiness.SingleCustomerId is null:
                yield return new FeatureBlock(feature, "Orders go to one Odoo customer, but none is chosen.", $"stores/{store}/settings?tab=configuration");
                break;
        }
    }

    private static string TaxDetail(SeenTaxLine tax)
    {
        var parts = new List<string>();
        if (tax.Rate is { } rate)
        {
            parts.Add((rate * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %");
        }

        if (tax.CountryCode.Length > 0)
        {
            parts.Add(tax.CountryCode);
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static string Orders(int count) => count == 1 ? "1 recent order" : $"{count.ToString(CultureInfo.InvariantCulture)} recent orders";
}
