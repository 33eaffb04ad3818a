using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Orders;

/// <summary>
/// Changes an existing sale order to a new version of its store order, as far as Odoo allows: a quotation
/// takes the new lines outright; a confirmed order takes new lines, and changed quantities and prices on lines
/// nothing was invoiced for and not below what was delivered. Anything else waits for a person. Each Odoo line
/// is known by its link, or, when the links were lost with a crash, by the sequence the builder gave it.
/// </summary>
public sealed class SaleOrderUpdate(OdooClient odoo, OdooVersionProfile profile, CommerceOrder order)
{
    private static readonly string[] Compared = ["product_id", "product_uom_qty", "price_unit", "discount"];

    /// <summary>Writes the changes and returns each draft line with the Odoo line it now is.</summary>
    public async Task<IReadOnlyList<(SaleLineDraft Draft, long LineId)>> ApplyAsync(JsonNode saleOrder, SaleOrderDraft draft, LinkSet links, CancellationToken cancellationToken)
    {
        var saleOrderId = saleOrder.Id();
        var state = saleOrder.Text("state");
        if (state == "cancel")
        {
            throw new JobNeedsPersonException($"Odoo's {saleOrder.Text("name")} is cancelled, but store order {order.Name} is not; cancel it in the store or restore it in Odoo.");
        }

        var current = await LinesAsync(saleOrderId, cancellationToken);
        var commands = new JsonArray();
        JsonObject values;
        if (state is "draft" or "sent")
        {
            foreach (var line in current)
            {
                commands.Add(new JsonArray(2, line.Id()));
            }

            foreach (var line in draft.Lines)
            {
                commands.Add(new JsonArray(0, 0, line.Values.DeepClone()));
            }

            values = (JsonObject)draft.Header.DeepClone();

            // Writing company_id, even unchanged, makes Odoo recompute every line's taxes from its product (new lines
            // of the same write too), dropping the store's; an order's company does not change.
            values.Remove("company_id");
        }
        else
        {
            ConfirmedChanges(current, draft, links, commands);
            values = new JsonObject
            {
                ["client_order_ref"] = draft.Header["client_order_ref"]?.DeepClone(),
                ["partner_shipping_id"] = draft.Header["partner_shipping_id"]?.DeepClone(),
            };
        }

        values["order_line"] = commands;
        await odoo.WriteAsync("sale.order", [saleOrderId], values, cancellationToken);
        var written = await LinesAsync(saleOrderId, cancellationToken);
        return draft.Lines
            .Select(line => (Draft: line, Odoo: Match(written, line, links)))
            .Where(pair => pair.Odoo is not null)
            .Select(pair => (pair.Draft, pair.Odoo!.Id()))
            .ToList();
    }

    private void ConfirmedChanges(IReadOnlyList<JsonNode> current, SaleOrderDraft draft, LinkSet links, JsonArray commands)
    {
        var matched = new HashSet<long>();
        foreach (var line in draft.Lines)
        {
            if (Match(current, line, links) is not { } existing)
            {
                commands.Add(new JsonArray(0, 0, line.Values.DeepClone()));
                continue;
            }

            matched.Add(existing.Id());
            if (Same(existing, line.Values))
            {
                continue;
            }

            var quantity = OdooValues.Number(line.Values["product_uom_qty"]);
            if (existing.Number("qty_invoiced") > 0m)
            {
                throw new JobNeedsPersonException($"Store order {order.Name} changed '{line.Values["name"]}', which Odoo has already invoiced; adjust the invoice in Odoo.");
            }

            if (quantity < existing.Number("qty_delivered"))
            {
                throw new JobNeedsPersonException($"Store order {order.Name} lowered '{line.Values["name"]}' to {Quantity(quantity)}, but Odoo already delivered {Quantity(existing.Number("qty_delivered"))}; return the goods in Odoo.");
            }

            var change = (JsonObject)line.Values.DeepClone();
            change.Remove("sequence");
            commands.Add(new JsonArray(1, existing.Id(), change));
        }

        foreach (var gone in current.Where(l => !matched.Contains(l.Id()) && l.Number("product_uom_qty") != 0m))
        {
            if (gone.Number("qty_delivered") > 0m || gone.Number("qty_invoiced") > 0m)
            {
                throw new JobNeedsPersonException($"Store order {order.Name} removed a line Odoo already delivered or invoiced; handle it in Odoo.");
            }

            commands.Add(new JsonArray(1, gone.Id(), new JsonObject { ["product_uom_qty"] = 0 }));
        }
    }

    private bool Same(JsonNode existing, JsonObject wanted)
    {
        foreach (var field in Compared)
        {
            var have = field == "product_id" ? existing.ManyToOneId(field) ?? 0 : existing.Number(field);
            var want = OdooValues.Number(wanted[field]);
            if (Math.Round(have, 4) != Math.Round(want, 4))
            {
                return false;
            }
        }

        var taxes = existing.Ids(profile.SaleLineTaxesField).Order();
        var wantedTaxes = wanted[profile.SaleLineTaxesField]![0]![2]!.AsArray().Select(t => t!.GetValue<long>()).Order();
        return taxes.SequenceEqual(wantedTaxes);
    }

    private static JsonNode? Match(IReadOnlyList<JsonNode> lines, SaleLineDraft draft, LinkSet links)
    {
        if (links.OdooId(RecordLinkKind.OrderLine, draft.StoreKey) is { } linked && lines.FirstOrDefault(l => l.Id() == linked) is { } byLink)
        {
            return byLink;
        }

        var sequence = draft.Values["sequence"]!.GetValue<int>();
        var productId = draft.Values["product_id"]!.GetValue<long>();
        return lines.FirstOrDefault(l => (int)l.Number("sequence") == sequence && l.ManyToOneId("product_id") == productId);
    }

    // Odoo sends quantities as floats ("2.0"), which would read "delivered 2.0".
    private static string Quantity(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<JsonNode>> LinesAsync(long saleOrderId, CancellationToken cancellationToken) =>
        (await odoo.SearchReadAsync("sale.order.line", OdooDomain.Where("order_id", "=", saleOrderId), ["id", .. SaleOrderFields.Lines(profile.SaleLineTaxesField)], order: "sequence, id", cancellationToken: cancellationToken))
        .OfType<JsonNode>().ToList();
}
