using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Payments;

/// <summary>
/// The posted customer invoice of a sale order: its link, else the invoice Odoo has for it (found by the
/// order's name, so a lost answer does not invoice twice), else a new one for every line not yet invoiced, at
/// the order's prices and taxes and tied to its lines so Odoo counts them invoiced.
/// </summary>
public sealed class OrderInvoices(OdooClient odoo, OdooVersionProfile profile, LinkSet links, JobEffects effects)
{
    public async Task<long> EnsureAsync(string orderId, long saleOrderId, CancellationToken cancellationToken)
    {
        var saleOrder = (await odoo.ReadAsync("sale.order", [saleOrderId], ["name", "client_order_ref", "partner_invoice_id", "currency_id"], cancellationToken))[0]!;
        var invoiceId = links.OdooId(RecordLinkKind.Invoice, orderId) ?? await FindAsync(saleOrder.Text("name")!, cancellationToken) ?? await CreateAsync(saleOrder, saleOrderId, cancellationToken);
        effects.Link(RecordLinkKind.Invoice, orderId, "account.move", invoiceId);
        var state = (await odoo.ReadAsync("account.move", [invoiceId], ["state"], cancellationToken)).FirstOrDefault()?.Text("state");
        if (state == "draft")
        {
            await odoo.CallAsync("account.move", "action_post", [invoiceId], cancellationToken: cancellationToken);
        }

        return invoiceId;
    }

    /// <summary>The order's posted (or draft) invoice, without making one; null when Odoo has none.</summary>
    public async Task<long?> FindAsync(string orderId, string saleOrderName, CancellationToken cancellationToken) =>
        links.OdooId(RecordLinkKind.Invoice, orderId) ?? await FindAsync(saleOrderName, cancellationToken);

    private async Task<long?> FindAsync(string saleOrderName, CancellationToken cancellationToken) =>
        (await odoo.SearchReadAsync("account.move",
            OdooDomain.Where("move_type", "=", "out_invoice").And(OdooDomain.Where("invoice_origin", "=", saleOrderName)).And(OdooDomain.Where("state", "!=", "cancel")),
            ["id"], 1, cancellationToken: cancellationToken)).FirstOrDefault()?.Id();

    private async Task<long> CreateAsync(JsonNode saleOrder, long saleOrderId, CancellationToken cancellationToken)
    {
        var taxes = profile.SaleLineTaxesField;
        var lines = await odoo.SearchReadAsync("sale.order.line", OdooDomain.Where("order_id", "=", saleOrderId),
            ["product_id", "name", "product_uom_qty", "qty_invoiced", "price_unit", "discount", taxes], order: "sequence, id", cancellationToken: cancellationToken);
        var invoiceLines = new JsonArray();
        foreach (var line in lines.OfType<JsonNode>())
        {
            var quantity = line.Number("product_uom_qty") - line.Number("qty_invoiced");
            if (quantity <= 0m)
            {
                continue;
            }

            invoiceLines.Add(new JsonArray(0, 0, new JsonObject
            {
                ["product_id"] = line.ManyToOneId("product_id"),
                ["name"] = line.Text("name"),
                ["quantity"] = (double)quantity,
                ["price_unit"] = (double)line.Number("price_unit"),
                ["discount"] = (double)line.Number("discount"),
                ["tax_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(line.Ids(taxes).Select(t => JsonValue.Create(t)).ToArray<JsonNode?>()))),
                ["sale_line_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(line.Id()))),
            }));
        }

        if (invoiceLines.Count == 0)
        {
            throw new JobNeedsPersonException($"{saleOrder.Text("name")} has nothing left to invoice, but Odoo has no invoice for it; check it in Odoo.");
        }

        var values = new JsonObject
        {
            ["move_type"] = "out_invoice",
            ["partner_id"] = saleOrder.ManyToOneId("partner_invoice_id"),
            ["invoice_origin"] = saleOrder.Text("name"),
            ["ref"] = saleOrder.Text("client_order_ref"),
            ["invoice_line_ids"] = invoiceLines,
        };
        if (saleOrder.ManyToOneId("currency_id") is { } currency)
        {
            values["currency_id"] = currency;
        }

        return (await odoo.CreateAsync("account.move", [values], cancellationToken: cancellationToken))[0];
    }
}
