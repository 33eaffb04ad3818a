using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>Sale orders: defaults, line amounts and totals, the rules of confirmed orders, confirmation and cancel.</summary>
public sealed partial class FakeOdooService
{
    private const string LowerThanDelivered =
        "The ordered quantity of a sale order line cannot be decreased below the amount already delivered. Instead, create a return in your inventory.";

    // Odoo 17 sale_order_line.py: the message continues a Python line, so it keeps the next line's indentation.
    private const string ConfirmedLineRemoved =
        "Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered).\n                Set the quantity to 0 instead.";

    private string LineTaxesField => db.Major >= 19 ? "tax_ids" : "tax_id";

    private string LineUnitField => db.Major >= 19 ? "product_uom_id" : "product_uom";

    /// <summary>The company's tax rounding; tests switch it with FakeOdooServer.UseTaxRounding.</summary>
    private string RoundingMethod(long companyId) =>
        db.Exists("res.company", companyId) ? Text("res.company", companyId, "tax_calculation_rounding_method") is { Length: > 0 } method ? method : FakeOdooTaxes.RoundPerLine : FakeOdooTaxes.RoundPerLine;

    private void OrderDefaults(JsonObject values)
    {
        values["name"] ??= db.NextName("S", 5);
        values["state"] ??= "draft";
        values["company_id"] ??= 1;
        values["currency_id"] ??= 1;
        values["partner_invoice_id"] ??= values["partner_id"]?.DeepClone();
        values["partner_shipping_id"] ??= values["partner_id"]?.DeepClone();
        values["date_order"] ??= Now;
        values["invoice_status"] ??= "no";
        values["warehouse_id"] ??= db.Ids("stock.warehouse").Cast<long?>().FirstOrDefault();
        values["pricelist_id"] ??= db.Ids("product.pricelist").Cast<long?>().FirstOrDefault();
        values["team_id"] ??= db.Ids("crm.team").Cast<long?>().FirstOrDefault();
    }

    private long OrderOf(long lineId) => db.Raw("sale.order.line", lineId)["order_id"]!.GetValue<long>();

    private List<long> LinesOf(long orderId) => db.Where("sale.order.line", "order_id", orderId);

    // A line gets what Odoo computes when a value is not given: name, quantity, unit, price, and the product's
    // taxes when no taxes key was sent at all (an explicit empty list stays empty).
    private void FillLine(string model, long lineId, string taxesField, string quantityField)
    {
        var line = db.Raw(model, lineId);
        var product = Id(line["product_id"]);
        if (product is { } named && line["name"] is null)
        {
            line["name"] = db.DisplayName("product.product", named);
        }

        line[quantityField] ??= 1.0;

        // Discounts are stored with the "Discount" precision, 2 digits (33.333 reads 33.33).
        line["discount"] = Math.Round(Amount(line["discount"]), 2, MidpointRounding.AwayFromZero);
        if (product is not { } productId)
        {
            line[taxesField] ??= new JsonArray();
            return;
        }

        line["price_unit"] ??= db.Raw("product.product", productId)["lst_price"]?.DeepClone() ?? 0.0;
        if (line[taxesField] is null)
        {
            var template = db.Raw("product.product", productId)["product_tmpl_id"]!.GetValue<long>();
            line[taxesField] = db.Raw("product.template", template)["taxes_id"]?.DeepClone() ?? new JsonArray();
        }
    }

    private FakeOdooTaxedLine Taxed(JsonObject line, string taxesField, string quantityField) => new(
        Amount(line["price_unit"]),
        Amount(line[quantityField]),
        Amount(line["discount"]),
        IdList(line[taxesField]).Select(t => new FakeOdooTax(t, Amount(db.Raw("account.tax", t)["amount"]), IsPriceIncluded(db.Raw("account.tax", t)))).ToList());

    private bool IsPriceIncluded(JsonObject tax) => db.Major >= 18
        ? tax["price_include_override"]?.GetValueKind() == JsonValueKind.String && tax["price_include_override"]!.GetValue<string>() == "tax_included"
        : tax["price_include"]?.GetValueKind() == JsonValueKind.True;

    private void ComputeOrder(long orderId)
    {
        var order = db.Raw("sale.order", orderId);
        var lines = LinesOf(orderId).Where(l => !IsSectionOrNote(l)).ToList();
        foreach (var lineId in lines)
        {
            FillLine("sale.order.line", lineId, LineTaxesField, "product_uom_qty");
            var line = db.Raw("sale.order.line", lineId);
            if (line["product_id"] is JsonValue)
            {
                line[LineUnitField] ??= db.Ids("uom.uom").Cast<long?>().FirstOrDefault();
            }

            line["sequence"] ??= 10;
            line["state"] = order["state"]?.DeepClone();
        }

        var (amounts, untaxed, tax) = FakeOdooTaxes.Compute(
            lines.Select(l => Taxed(db.Raw("sale.order.line", l), LineTaxesField, "product_uom_qty")).ToList(),
            RoundingMethod(Id(order["company_id"]) ?? 1));
        foreach (var (lineId, amount) in lines.Zip(amounts))
        {
            var line = db.Raw("sale.order.line", lineId);
            line["price_subtotal"] = amount.Subtotal;
            line["price_tax"] = amount.Tax;
            line["price_total"] = amount.Total;
        }

        order["amount_untaxed"] = untaxed;
        order["amount_tax"] = tax;
        order["amount_total"] = untaxed + tax;
        ComputeInvoiceStatus(orderId);
    }

    // With every product invoiced on ordered quantities (Odoo's default policy "order").
    private void ComputeInvoiceStatus(long orderId)
    {
        var order = db.Raw("sale.order", orderId);
        var confirmed = order["state"]?.GetValue<string>() == "sale";
        var statuses = new List<string>();
        foreach (var lineId in LinesOf(orderId))
        {
            var line = db.Raw("sale.order.line", lineId);
            var ordered = Amount(line["product_uom_qty"]);
            var invoiced = Amount(line["qty_invoiced"]);
            var status = !confirmed ? "no"
                : ordered != invoiced ? "to invoice"
                : Amount(line["qty_delivered"]) > ordered ? "upselling"
                : invoiced >= ordered ? "invoiced"
                : "no";
            line["invoice_status"] = status;
            statuses.Add(status);
        }

        order["invoice_status"] = !confirmed ? "no"
            : statuses.Contains("to invoice") ? "to invoice"
            : statuses.Count > 0 && statuses.All(s => s == "invoiced") ? "invoiced"
            : statuses.Count > 0 && statuses.All(s => s is "invoiced" or "upselling") ? "upselling"
            : "no";
    }

    private void CheckLineCommands(long orderId, JsonArray commands)
    {
        foreach (var command in commands.OfType<JsonArray>())
        {
            switch (command[0]!.GetValue<int>())
            {
                case 1:
                    CheckLineWrite(command[1]!.GetValue<long>(), command[2]!.AsObject());
                    break;
                case 2 or 3:
                    CheckLineUnlink(command[1]!.GetValue<long>());
                    break;
                case 5 or 6 when State("sale.order", orderId) == "sale":
                    throw FakeOdooException.User(ConfirmedLineRemoved);
            }
        }
    }

    private void CheckLineWrite(long lineId, JsonObject values)
    {
        var line = db.Raw("sale.order.line", lineId);
        if (values["product_uom_qty"] is JsonValue quantity && State("sale.order", OrderOf(lineId)) == "sale"
            && Id(line["product_id"]) is { } product && IsGoods(product)
            && Amount(quantity) < Amount(line["qty_delivered"]))
        {
            throw FakeOdooException.User(LowerThanDelivered);
        }
    }

    private void CheckLineUnlink(long lineId)
    {
        if (State("sale.order", OrderOf(lineId)) == "sale" && !IsSectionOrNote(lineId))
        {
            throw FakeOdooException.User(ConfirmedLineRemoved);
        }
    }

    private bool IsSectionOrNote(long lineId) => db.Raw("sale.order.line", lineId)["display_type"]?.GetValueKind() == JsonValueKind.String;

    private bool IsGoods(long productId)
    {
        var product = db.Raw("product.product", productId);
        return db.Major >= 18
            ? product["type"]?.GetValue<string>() == "consu"
            : product["detailed_type"]?.GetValue<string>() is "product" or "consu";
    }

    private JsonValue Confirm(IReadOnlyList<long> orders)
    {
        foreach (var orderId in orders)
        {
            var order = db.Raw("sale.order", orderId);
            if (order["state"]?.GetValue<string>() is not ("draft" or "sent"))
            {
                throw FakeOdooException.User("Some orders are not in a state requiring confirmation.");
            }

            // action_confirm sets date_order to now (observed on 17); a later write of date_order is kept.
            order["state"] = "sale";
            order["date_order"] = Now;
            ComputeOrder(orderId);
            LaunchDeliveries(orderId);
        }

        return JsonValue.Create(true);
    }

    // Odoo 17 and 18 (sale, sale_stock): without disable_cancel_warning a confirmed order answers with the cancel
    // wizard's action and stays as it is; Odoo 19 has no such wizard and cancels at once. Otherwise draft invoices and deliveries not done are cancelled; done deliveries
    // and posted invoices are left as they are and do not prevent the cancel.
    private JsonNode Cancel(List<long> orders, JsonObject context)
    {
        var warn = db.Major < 19 && context["disable_cancel_warning"]?.GetValueKind() is not (JsonValueKind.True)
                   && orders.Any(o => State("sale.order", o) != "draft");
        if (warn)
        {
            return new JsonObject
            {
                ["name"] = "Cancel Sales Order",
                ["view_mode"] = "form",
                ["res_model"] = "sale.order.cancel",
                ["type"] = "ir.actions.act_window",
                ["context"] = new JsonObject { ["default_order_id"] = orders[0], ["mark_so_as_canceled"] = true },
                ["target"] = "new",
            };
        }

        foreach (var orderId in orders)
        {
            foreach (var picking in PickingsOf(orderId).Where(p => State("stock.picking", p) != "done"))
            {
                db.Raw("stock.picking", picking)["state"] = "cancel";
                foreach (var move in db.Where("stock.move", "picking_id", picking))
                {
                    db.Raw("stock.move", move)["state"] = "cancel";
                }
            }

            foreach (var invoice in IdList(db.Raw("sale.order", orderId)["invoice_ids"]).Where(m => State("account.move", m) == "draft"))
            {
                db.Raw("account.move", invoice)["state"] = "cancel";
                ComputeInvoicing(invoice);
            }

            db.Raw("sale.order", orderId)["state"] = "cancel";
            ComputeOrder(orderId);
        }

        return JsonValue.Create(true);
    }
}
