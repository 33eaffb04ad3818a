using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Orders;

/// <summary>
/// Compares what Odoo computed for a sale order (untaxed, tax, total) with what the store charged, as decimals
/// rounded to the cent. Anything further apart than the tolerance is refused, never accepted silently.
/// </summary>
public static class OrderTotalsCheck
{
    /// <summary>Throws <see cref="OrderTotalsMismatchException"/> when the totals differ; <paramref name="roundsPerLine"/> = false adds why.</summary>
    public static void Verify(CommerceOrder order, JsonNode saleOrder, decimal tolerance, bool? roundsPerLine)
    {
        var storeTotal = order.Totals.Total;
        var storeTax = order.Totals.Tax;
        var storeUntaxed = storeTotal - storeTax;
        var odooUntaxed = Cents(saleOrder.Number("amount_untaxed"));
        var odooTax = Cents(saleOrder.Number("amount_tax"));
        var odooTotal = Cents(saleOrder.Number("amount_total"));
        var differs = new List<string>();
        if (Math.Abs(odooUntaxed - storeUntaxed) > tolerance)
        {
            differs.Add("untaxed");
        }

        if (Math.Abs(odooTax - storeTax) > tolerance)
        {
            differs.Add("tax");
        }

        if (Math.Abs(odooTotal - storeTotal) > tolerance)
        {
            differs.Add("total");
        }

        if (differs.Count == 0)
        {
            return;
        }

        var parts = differs.Count == 3 || (differs.Count == 2 && differs.Contains("total")) ? differs.Where(d => d != "total") : differs;
        var message = $"Total mismatch: store {Money(storeTotal)}, Odoo {Money(odooTotal)} ({string.Join(", ", parts)}).";
        throw new OrderTotalsMismatchException(message, Breakdown(order, saleOrder, storeUntaxed, odooUntaxed, odooTax, odooTotal, roundsPerLine));
    }

    private static string Breakdown(CommerceOrder order, JsonNode saleOrder, decimal storeUntaxed, decimal odooUntaxed, decimal odooTax, decimal odooTotal, bool? roundsPerLine)
    {
        var totals = order.Totals;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Store order {order.Name} ({order.Currency}, prices {(order.PricesIncludeTax ? "including" : "excluding")} tax):");
        text.AppendLine(CultureInfo.InvariantCulture, $"  lines {Money(totals.LineItems)}, discounts -{Money(totals.Discounts)}, shipping {Money(totals.Shipping)}, tips {Money(totals.Tips)}, duties {Money(totals.Duties)}, fees {Money(totals.Fees)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  untaxed {Money(storeUntaxed)}, tax {Money(totals.Tax)}, total {Money(totals.Total)}");
        foreach (var tax in order.TaxLines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  tax '{tax.Title}' {(tax.Rate is { } rate ? $"{rate * 100:0.###} %" : "")}: {Money(tax.Amount)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Odoo {saleOrder.Text("name")}:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  untaxed {Money(odooUntaxed)}, tax {Money(odooTax)}, total {Money(odooTotal)}");
        if (roundsPerLine == false)
        {
            text.AppendLine("The Odoo company rounds taxes globally while the store rounds them per line; set Accounting → Settings → Rounding Method to \"Round per Line\".");
        }

        return text.ToString();
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
