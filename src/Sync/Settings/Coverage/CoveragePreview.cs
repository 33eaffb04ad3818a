using System.Globalization;

namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// The tax wizard's preview in one sentence: "Of the last 200 orders, 196 map cleanly; 4 use 'GST 5 %', which has no
/// mapping." Clean means every tax, shipping method and gateway of the order is mapped; the taxes named are the unmapped ones.
/// </summary>
public static class CoveragePreview
{
    public static string Taxes(MappingCoverage coverage)
    {
        if (coverage.OrdersRead == 0)
        {
            return "The store has no orders from the last 90 days to check the mappings against.";
        }

        var sentence = string.Create(CultureInfo.InvariantCulture, $"Of the last {Orders(coverage.OrdersRead)}, {coverage.OrdersMappingCleanly} map cleanly");
        var unmapped = coverage.Taxes.Where(t => !t.IsMapped).ToList();
        if (unmapped.Count == 0)
        {
            return sentence + (coverage.OrdersMappingCleanly == coverage.OrdersRead ? "." : "; every tax is mapped.");
        }

        var uses = unmapped.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Orders} {(t.Orders == 1 ? "uses" : "use")} '{t.Title}'")).ToList();
        var list = uses.Count == 1 ? uses[0] : $"{string.Join(", ", uses[..^1])} and {uses[^1]}";
        return $"{sentence}; {list}, which {(unmapped.Count == 1 ? "has" : "have")} no mapping.";
    }

    private static string Orders(int count) => count == 1 ? "order" : string.Create(CultureInfo.InvariantCulture, $"{count} orders");
}
