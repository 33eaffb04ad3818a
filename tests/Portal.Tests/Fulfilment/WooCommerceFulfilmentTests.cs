using System.Globalization;

namespace Portal.Tests.Fulfilment;

/// <summary>
/// The fulfilment scenarios on a WooCommerce site, which has no shipments: each delivery is an order note naming the
/// Odoo delivery, its carrier and tracking, and the order is completed once everything is delivered.
/// </summary>
public sealed class WooCommerceFulfilmentTests(WooCommerceFulfilmentStore store) : FulfilmentTests<WooCommerceFulfilmentStore>(store)
{
    protected override IReadOnlyList<StoreShipment> Shipments(string orderId) =>
        [.. Store.Site.Shop.OrderNotes(Id(orderId)).Reverse().Select(note =>
        {
            var text = note["note"]!.GetValue<string>();
            Assert.Matches(@"^Shipped with delivery WH/OUT/\d{5} ", text);
            return new StoreShipment(Between(text, " by ", "."), Between(text, "Tracking number: ", "."), After(text, "Track it at "), note["customer_note"]!.GetValue<bool>());
        })];

    protected override bool IsFullyShipped(string orderId) => Store.Site.Shop.Order(Id(orderId))!["status"]!.GetValue<string>() == "completed";

    /// <summary>A note carries no quantities: only that the order stays open until every line is delivered, which <see cref="IsFullyShipped"/> checks.</summary>
    protected override void AssertShipped(string orderId, Dictionary<string, int> expected) =>
        Assert.Equal(expected.Count > 0, Store.Site.Shop.OrderNotes(Id(orderId)).Count > 0);

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return null;
        }

        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }

    private static string? After(string text, string start) =>
        text.IndexOf(start, StringComparison.Ordinal) is var from and >= 0 ? text[(from + start.Length)..] : null;

    private static long Id(string orderId) => long.Parse(orderId, CultureInfo.InvariantCulture);
}
