using System.Globalization;
using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// Whether refunded goods went back to stock. WooCommerce takes <c>api_restock</c> when a refund is created but keeps
/// no record of it on the refund; what it keeps is on the order's line: <c>_reduced_stock</c> (present once the
/// order took the line's stock) and <c>_restock_refunded_items</c>, the running count of refunded units put back
/// (wc_restock_refunded_items). So a line's refunds are known to be restocked when that count covers every unit
/// refunded, known not to be when stock was taken and nothing was put back, and unknown otherwise (stock not
/// managed, or several refunds of the line of which only some restocked).
/// </summary>
internal static class WooCommerceRestocks
{
    private static readonly StoreCode<CommerceRestockType> Restocked = new(CommerceRestockType.LegacyRestock, null);
    private static readonly StoreCode<CommerceRestockType> NotRestocked = new(CommerceRestockType.NoRestock, null);

    /// <summary>Per order line id: whether its stock was taken, and how many units refunds put back.</summary>
    public static IReadOnlyDictionary<string, (bool StockTaken, int PutBack)> OfLines(PayloadNode order) =>
        order.Objects("line_items").ToDictionary(
            line => line.RequiredId("id"),
            line => (Meta(line, "_reduced_stock") is not null, (int)(Meta(line, "_restock_refunded_items") ?? 0)));

    public static IReadOnlyList<CommerceRefund> Apply(IReadOnlyList<CommerceRefund> refunds, IReadOnlyDictionary<string, (bool StockTaken, int PutBack)> lines)
    {
        var refunded = refunds.SelectMany(refund => refund.Lines)
            .Where(line => line.LineId is not null)
            .GroupBy(line => line.LineId!)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity));
        StoreCode<CommerceRestockType>? RestockOf(CommerceRefundLine line) =>
            line.LineId is null || !lines.TryGetValue(line.LineId, out var stock) || !stock.StockTaken ? null
            : stock.PutBack == 0 ? NotRestocked
            : stock.PutBack >= refunded[line.LineId] ? Restocked
            : null;

        return refunds.Select(refund =>
        {
            var restocked = refund.Lines.Select(line => line with { Restock = RestockOf(line) }).ToList();
            return refund with
            {
                Lines = restocked,
                Restock = restocked.Count == 0 ? null
                    : restocked.All(line => line.Restock == Restocked) ? true
                    : restocked.All(line => line.Restock == NotRestocked) ? false
                    : null,
            };
        }).ToList();
    }

    private static long? Meta(PayloadNode line, string key) =>
        line.Objects("meta_data")
            .Where(meta => meta.Text("key") == key)
            .Select(meta => (long?)(meta.Id("value") is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : 0))
            .FirstOrDefault();
}
