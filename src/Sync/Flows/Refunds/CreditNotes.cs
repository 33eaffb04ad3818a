using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Refunds;

/// <summary>
/// Writes the credit note of one store refund, unless Odoo has it already (found by its reference). Lines are
/// the refunded share of each sale order line, less the same share of its store discount, plus refunded
/// shipping at the order's shipping taxes; a refund of money only is one line of the discount product. The
/// note is posted only when its total is what the store refunded.
/// </summary>
public sealed class CreditNotes(StoreOrderSetup setup, OdooClient odoo, OdooVersionProfile profile, LinkSet links, JobEffects effects)
{
    public static string Reference(StoreOrderSetup setup, string orderId, string refundId) => $"{setup.Origin(orderId)} refund {refundId}";

    public async Task<long> CreateAsync(CommerceOrder order, CommerceRefund refund, long saleOrderId, string saleOrderName, long partnerId, CancellationToken cancellationToken)
    {
        var reference = Reference(setup, order.Id, refund.Id);
        var existing = (await odoo.SearchReadAsync("account.move",
            OdooDomain.Where("move_type", "=", "out_refund").And(OdooDomain.Where("ref", "=", reference)), ["id", "state", "amount_total"], 1, cancellationToken: cancellationToken)).FirstOrDefault();
        var creditNote = existing?.Id() ?? await WriteAsync(order, refund, saleOrderId, saleOrderName, partnerId, reference, cancellationToken);
        effects.Link(RecordLinkKind.Refund, refund.Id, "account.move", creditNote);

        var written = (await odoo.ReadAsync("account.move", [creditNote], ["name", "state", "amount_total"], cancellationToken))[0]!;
        if (written.Text("state") == "draft")
        {
            var total = Math.Round(written.Number("amount_total"), 2, MidpointRounding.AwayFromZero);
            if (Math.Abs(total - refund.Amount) > setup.Settings.TotalTolerance)
            {
                throw new JobNeedsPersonException(
                    $"Refund mismatch: store refunded {RefundSyncFlow.Money(refund.Amount)}, the Odoo credit note comes to {RefundSyncFlow.Money(total)}; it stays a draft for you to correct and post.");
            }

            await odoo.CallAsync("account.move", "action_post", [creditNote], cancellationToken: cancellationToken);
        }

        return creditNote;
    }

    private async Task<long> WriteAsync(CommerceOrder order, CommerceRefund refund, long saleOrderId, string saleOrderName, long partnerId, string reference, CancellationToken cancellationToken)
    {
        var invoices = new OrderInvoices(odoo, profile, links, effects);
        var invoice = await invoices.FindAsync(order.Id, saleOrderName, cancellationToken);
        if (invoice is null)
        {
            switch (setup.Settings.UninvoicedRefunds)
            {
                case UninvoicedRefundPolicy.InvoiceFirst:
                    invoice = await invoices.EnsureAsync(order.Id, saleOrderId, cancellationToken);
                    break;
                case UninvoicedRefundPolicy.Park:
                    throw new JobNeedsPersonException($"Order {order.Name} was refunded before Odoo invoiced it; the store's settings leave such refunds to a person.", setup.SettingsPath);
            }
        }

        var lines = await LinesAsync(order, refund, saleOrderId, invoice is not null, cancellationToken);
        var values = new JsonObject
        {
            ["move_type"] = "out_refund",
            ["partner_id"] = partnerId,
            ["invoice_origin"] = saleOrderName,
            ["ref"] = reference,
            ["invoice_line_ids"] = lines,
        };
        if (invoice is { } reversed)
        {
            values["reversed_entry_id"] = reversed;
        }

        return (await odoo.CreateAsync("account.move", [values], cancellationToken: cancellationToken))[0];
    }

    private async Task<JsonArray> LinesAsync(CommerceOrder order, CommerceRefund refund, long saleOrderId, bool invoiced, CancellationToken cancellationToken)
    {
        var taxes = profile.SaleLineTaxesField;
        var saleLines = (await odoo.SearchReadAsync("sale.order.line", OdooDomain.Where("order_id", "=", saleOrderId),
                ["product_id", "name", "price_unit", "discount", taxes, "is_delivery"], cancellationToken: cancellationToken))
            .OfType<JsonNode>().ToDictionary(l => l.Id());
        var lines = new JsonArray();
        foreach (var refunded in refund.Lines.Where(l => l.Quantity > 0))
        {
            var storeLine = order.Lines.FirstOrDefault(l => l.Id == refunded.LineId);
            if (storeLine is null || links.OdooId(RecordLinkKind.OrderLine, $"{order.Id}/{storeLine.Id}") is not { } saleLineId || !saleLines.TryGetValue(saleLineId, out var saleLine))
            {
                throw new JobNeedsPersonException($"Refund {refund.Id} of order {order.Name} returns a line that is not on the sale order; credit it by hand.");
            }

            lines.Add(Line(saleLine, saleLine.Number("price_unit"), refunded.Quantity, saleLine.Number("discount"), invoiced));
            var discount = storeLine.Discounts.Sum(d => d.Amount) * refunded.Quantity / storeLine.Quantity;
            if (discount != 0m && setup.Settings.DiscountMode == DiscountMode.DiscountProductLine && setup.Settings.DiscountProductId is { } discountProduct)
            {
                lines.Add(Line(discountProduct, $"Discount on {storeLine.Title}", -Math.Round(discount, 2, MidpointRounding.AwayFromZero), saleLine.Ids(taxes)));
            }
        }

        if (refund.Shipping > 0m)
        {
            var shipping = saleLines.Values.FirstOrDefault(l => l["is_delivery"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
                           ?? throw new JobNeedsPersonException($"Refund {refund.Id} of order {order.Name} refunds shipping, but the sale order has no shipping line; credit it by hand.");
            lines.Add(Line(shipping, refund.Shipping, 1, 0m, invoiced: false));
        }

        if (lines.Count == 0 && refund.Amount > 0m)
        {
            var product = setup.Settings.DiscountProductId
                          ?? throw new JobConfigurationException($"Refund {refund.Id} of order {order.Name} gives back money without goods; choose a discount product to credit it with.", setup.SettingsPath);
            lines.Add(Line(product, string.IsNullOrWhiteSpace(refund.Note) ? "Refund" : $"Refund: {refund.Note}", refund.Amount, []));
        }

        return lines;
    }

    private JsonArray Line(JsonNode saleLine, decimal price, int quantity, decimal discount, bool invoiced)
    {
        var values = new JsonObject
        {
            ["product_id"] = saleLine.ManyToOneId("product_id"),
            ["name"] = saleLine.Text("name"),
            ["quantity"] = quantity,
            ["price_unit"] = (double)price,
            ["discount"] = (double)discount,
            ["tax_ids"] = Taxes(saleLine.Ids(profile.SaleLineTaxesField)),
        };
        if (invoiced)
        {
            // Ties the credit to the order's line, so Odoo counts it as no longer invoiced.
            values["sale_line_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(saleLine.Id())));
        }

        return new JsonArray(0, 0, values);
    }

    private static JsonArray Line(long product, string name, decimal price, IReadOnlyList<long> taxes) =>
        new(0, 0, new JsonObject { ["product_id"] = product, ["name"] = name, ["quantity"] = 1, ["price_unit"] = (double)price, ["tax_ids"] = Taxes(taxes) });

    private static JsonArray Taxes(IReadOnlyList<long> taxes) => new(new JsonArray(6, 0, new JsonArray(taxes.Select(t => JsonValue.Create(t)).ToArray<JsonNode?>())));
}
