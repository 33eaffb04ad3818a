using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// Typed reads of the fake's records for end-to-end assertions: orders with their lines, invoices, credit notes,
/// deliveries, returns and payments; partners; payments by reference. Missing text reads as "".
/// </summary>
public sealed class FakeOdooRecords(FakeOdooService service)
{
    public IReadOnlyList<FakeOdooSaleOrder> SaleOrders() =>
        service.Inspect(db => db.Ids("sale.order").Select(id => Order(db, id)).ToList());

    public FakeOdooSaleOrder SaleOrder(long id) => service.Inspect(db => Order(db, id));

    /// <summary>The order made for a store order (its natural key, origin), or null.</summary>
    public FakeOdooSaleOrder? SaleOrderByOrigin(string origin) =>
        service.Inspect(db => db.Ids("sale.order").Where(id => Text(db.Raw("sale.order", id), "origin") == origin).Select(id => Order(db, id)).SingleOrDefault());

    /// <summary>Invoices and credit notes, oldest first.</summary>
    public IReadOnlyList<FakeOdooInvoice> Invoices() =>
        service.Inspect(db => db.Ids("account.move").Select(id => Invoice(db, id)).ToList());

    public IReadOnlyList<FakeOdooPayment> Payments() =>
        service.Inspect(db => db.Ids("account.payment").Select(id => Payment(db, id)).ToList());

    public IReadOnlyList<FakeOdooPayment> PaymentsByReference(string reference) =>
        Payments().Where(p => p.Reference == reference).ToList();

    public IReadOnlyList<FakeOdooPartner> Partners() =>
        service.Inspect(db => db.Ids("res.partner").Select(id => Partner(db, id)).ToList());

    public FakeOdooPartner Partner(long id) => service.Inspect(db => Partner(db, id));

    public IReadOnlyList<FakeOdooPicking> Pickings() =>
        service.Inspect(db => db.Ids("stock.picking").Select(id => Picking(db, id)).ToList());

    public decimal QuantityOnHand(string sku) => service.Inspect(db =>
        Number(db.Raw("product.product", db.Ids("product.product").Single(p => Text(db.Raw("product.product", p), "default_code") == sku)), "qty_available"));

    private static FakeOdooSaleOrder Order(FakeOdooDatabase db, long id)
    {
        var row = db.Raw("sale.order", id);
        var moves = Ids(row, "invoice_ids").Select(m => Invoice(db, m)).ToList();
        var paid = moves.Select(m => m.Id).ToHashSet();
        return new FakeOdooSaleOrder(
            id,
            Text(row, "name"),
            Text(row, "state"),
            Text(row, "origin"),
            Text(row, "client_order_ref"),
            Reference(row, "partner_id") ?? 0,
            Reference(row, "partner_invoice_id"),
            Reference(row, "partner_shipping_id"),
            Reference(row, "carrier_id"),
            Number(row, "amount_untaxed"),
            Number(row, "amount_tax"),
            Number(row, "amount_total"),
            Text(row, "invoice_status"),
            db.Where("sale.order.line", "order_id", id).Select(l => Line(db, l)).OrderBy(l => l.Sequence).ThenBy(l => l.Id).ToList(),
            moves.Where(m => m.MoveType == "out_invoice").ToList(),
            moves.Where(m => m.MoveType == "out_refund").ToList(),
            db.Where("stock.picking", "sale_id", id).Select(p => Picking(db, p)).ToList(),
            db.Ids("account.payment").Where(p => Ids(db.Raw("account.payment", p), "reconciled_invoice_ids").Any(paid.Contains)).Select(p => Payment(db, p)).ToList());
    }

    private static FakeOdooSaleLine Line(FakeOdooDatabase db, long id)
    {
        var row = db.Raw("sale.order.line", id);
        var product = Reference(row, "product_id");
        return new FakeOdooSaleLine(
            id,
            (int)Number(row, "sequence"),
            product,
            product is { } p ? Text(db.Raw("product.product", p), "default_code") : "",
            Text(row, "name"),
            Number(row, "product_uom_qty"),
            Number(row, "price_unit"),
            Number(row, "discount"),
            Ids(row, db.Major >= 19 ? "tax_ids" : "tax_id"),
            Number(row, "price_subtotal"),
            Number(row, "price_tax"),
            Number(row, "price_total"),
            Number(row, "qty_delivered"),
            Number(row, "qty_invoiced"),
            row["is_delivery"]?.GetValueKind() == JsonValueKind.True);
    }

    private static FakeOdooInvoice Invoice(FakeOdooDatabase db, long id)
    {
        var row = db.Raw("account.move", id);
        return new FakeOdooInvoice(
            id,
            Text(row, "name"),
            Text(row, "move_type"),
            Text(row, "state"),
            Text(row, "payment_state"),
            Text(row, "invoice_origin"),
            Text(row, "ref"),
            Reference(row, "reversed_entry_id"),
            Number(row, "amount_untaxed"),
            Number(row, "amount_tax"),
            Number(row, "amount_total"),
            Number(row, "amount_residual"),
            db.Where("account.move.line", "move_id", id).Select(l =>
            {
                var line = db.Raw("account.move.line", l);
                return new FakeOdooInvoiceLine(l, Reference(line, "product_id"), Text(line, "name"), Number(line, "quantity"), Number(line, "price_unit"), Number(line, "discount"),
                    Ids(line, "tax_ids"), Ids(line, "sale_line_ids"), Number(line, "price_subtotal"), Number(line, "price_total"));
            }).ToList());
    }

    private static FakeOdooPicking Picking(FakeOdooDatabase db, long id)
    {
        var row = db.Raw("stock.picking", id);
        return new FakeOdooPicking(id, Text(row, "name"), Text(row, "state"), Text(row, "picking_type_code"), Text(row, "origin"), Reference(row, "return_id"),
            db.Where("stock.move", "picking_id", id).Select(m =>
            {
                var move = db.Raw("stock.move", m);
                return new FakeOdooStockMove(m, Reference(move, "product_id") ?? 0, Number(move, "product_uom_qty"), Number(move, "quantity"), Text(move, "state"), Reference(move, "sale_line_id"));
            }).ToList());
    }

    private static FakeOdooPayment Payment(FakeOdooDatabase db, long id)
    {
        var row = db.Raw("account.payment", id);
        var journal = Reference(row, "journal_id");
        return new FakeOdooPayment(id, Text(row, "name"), Text(row, "state"), Text(row, "payment_type"), Number(row, "amount"), journal,
            journal is { } j ? Text(db.Raw("account.journal", j), "name") : "", Reference(row, "partner_id"),
            Text(row, db.Major >= 18 ? "memo" : "ref"), Text(row, "date"), Ids(row, "reconciled_invoice_ids"));
    }

    private static FakeOdooPartner Partner(FakeOdooDatabase db, long id)
    {
        var row = db.Raw("res.partner", id);
        var country = Reference(row, "country_id");
        var state = Reference(row, "state_id");
        return new FakeOdooPartner(id, Text(row, "name"), Text(row, "email"), Text(row, "phone"), Text(row, "street"), Text(row, "street2"), Text(row, "city"), Text(row, "zip"),
            country is { } c ? Text(db.Raw("res.country", c), "code") : "",
            state is { } s ? Text(db.Raw("res.country.state", s), "code") : "",
            Reference(row, "parent_id"), Text(row, "type"), row["is_company"]?.GetValueKind() == JsonValueKind.True);
    }

    private static string Text(JsonObject row, string field) =>
        row[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";

    private static decimal Number(JsonObject row, string field) =>
        row[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? FakeOdooDomain.Number(value) : 0m;

    private static long? Reference(JsonObject row, string field) =>
        row[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? (long)FakeOdooDomain.Number(value) : null;

    private static List<long> Ids(JsonObject row, string field) =>
        row[field] is JsonArray list ? list.Select(i => i!.GetValue<long>()).ToList() : [];
}
