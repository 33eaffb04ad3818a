namespace Portal.Sync.Flows.Orders;

/// <summary>The sale order fields the order flows read back.</summary>
internal static class SaleOrderFields
{
    public static readonly string[] Summary = ["name", "state", "amount_untaxed", "amount_tax", "amount_total", "order_line", "currency_id"];

    public static string[] Lines(string taxesField) => ["sequence", "product_id", "product_uom_qty", "price_unit", "discount", taxesField, "qty_delivered", "qty_invoiced"];
}
