using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// Invoices and credit notes (totals with taxes, the link to sale lines, posting) and payments (the register
/// wizard, payments made directly), as Odoo Community does them: an invoice paid in full is "paid".
/// </summary>
public sealed partial class FakeOdooService
{
    private static readonly string[] SaleDocuments = ["out_invoice", "out_refund"];

    // Kept on the row beside Odoo's fields (never read or searched): whether a payment settled part of the move.
    private const string PaidByPayment = "__paid_by_payment";

    private string PaymentReferenceField => db.Major >= 18 ? "memo" : "ref";

    private string PostedPaymentState => db.Major >= 18 ? "in_process" : "posted";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void MoveDefaults(JsonObject values)
    {
        values["move_type"] ??= "entry";
        values["state"] ??= "draft";
        values["name"] ??= "/";
        values["payment_state"] ??= "not_paid";
        values["company_id"] ??= 1;
        values["currency_id"] ??= db.Raw("res.company", Id(values["company_id"]) ?? 1)["currency_id"]?.DeepClone() ?? 1;
        values["date"] ??= values["invoice_date"]?.DeepClone() ?? Date(Today);
        values["journal_id"] ??= FirstJournal(values["move_type"]!.GetValue<string>().StartsWith("out_", StringComparison.Ordinal) ? "sale" : "general");
    }

    private long? FirstJournal(string type) =>
        db.Ids("account.journal").Cast<long?>().FirstOrDefault(j => Text("account.journal", j!.Value, "type") == type);

    private void ComputeMove(long moveId)
    {
        var move = db.Raw("account.move", moveId);
        var lines = db.Where("account.move.line", "move_id", moveId);
        foreach (var lineId in lines)
        {
            FillLine("account.move.line", lineId, "tax_ids", "quantity");
        }

        var (amounts, untaxed, tax) = FakeOdooTaxes.Compute(
            lines.Select(l => Taxed(db.Raw("account.move.line", l), "tax_ids", "quantity")).ToList(),
            RoundingMethod(Id(move["company_id"]) ?? 1));
        foreach (var (lineId, amount) in lines.Zip(amounts))
        {
            db.Raw("account.move.line", lineId)["price_subtotal"] = amount.Subtotal;
            db.Raw("account.move.line", lineId)["price_total"] = amount.Total;
        }

        move["amount_untaxed"] = untaxed;
        move["amount_tax"] = tax;
        move["amount_total"] = untaxed + tax;
        if (move["state"]?.GetValue<string>() == "draft")
        {
            move["amount_residual"] = untaxed + tax;
        }

        ComputeInvoicing(moveId);
    }

    // sale: a sale line's invoiced quantity counts its invoice lines (credit notes subtract) on moves not
    // cancelled, drafts included; an order's invoices are those of its lines (a credit note linked only by
    // reversed_entry_id is not among them, as observed on 17).
    private void ComputeInvoicing(long moveId)
    {
        var orders = db.Where("account.move.line", "move_id", moveId)
            .SelectMany(l => IdList(db.Raw("account.move.line", l)["sale_line_ids"]))
            .Where(l => db.Exists("sale.order.line", l))
            .Select(OrderOf)
            .Concat(db.Ids("sale.order").Where(o => IdList(db.Raw("sale.order", o)["invoice_ids"]).Contains(moveId)))
            .Distinct()
            .ToList();
        foreach (var orderId in orders)
        {
            var lines = LinesOf(orderId).ToHashSet();
            var invoiceLines = db.Ids("account.move.line")
                .Select(l => (Id: l, Row: db.Raw("account.move.line", l)))
                .Where(l => IdList(l.Row["sale_line_ids"]).Any(lines.Contains))
                .ToList();
            foreach (var lineId in lines)
            {
                var own = invoiceLines.Where(l => IdList(l.Row["sale_line_ids"]).Contains(lineId)).ToList();
                var line = db.Raw("sale.order.line", lineId);
                line["invoice_lines"] = IdArray(own.Select(l => l.Id));
                line["qty_invoiced"] = own.Sum(l =>
                {
                    var move = l.Row["move_id"]!.GetValue<long>();
                    var sign = Text("account.move", move, "move_type") switch { "out_invoice" => 1, "out_refund" => -1, _ => 0 };
                    return State("account.move", move) == "cancel" ? 0 : sign * Amount(l.Row["quantity"]);
                });
            }

            var invoices = invoiceLines.Select(l => l.Row["move_id"]!.GetValue<long>())
                .Where(m => SaleDocuments.Contains(Text("account.move", m, "move_type")))
                .Distinct()
                .ToList();
            db.Raw("sale.order", orderId)["invoice_ids"] = IdArray(invoices.Order());
            ComputeInvoiceStatus(orderId);
        }
    }

    private JsonValue Post(IReadOnlyList<long> moves)
    {
        foreach (var moveId in moves)
        {
            var move = db.Raw("account.move", moveId);
            var isSale = SaleDocuments.Contains(Text("account.move", moveId, "move_type"));
            if (isSale && Amount(move["amount_total"]) < 0)
            {
                throw FakeOdooException.User("You cannot validate an invoice with a negative total amount. You should create a credit note instead. Use the action menu to transform it into a credit note or refund.");
            }

            if (isSale && Id(move["partner_id"]) is null)
            {
                throw FakeOdooException.User("The field 'Customer' is required, please complete it to validate the Customer Invoice.");
            }

            if (State("account.move", moveId) != "draft")
            {
                throw FakeOdooException.User($"The entry {move["name"]} (id {moveId}) must be in draft.");
            }

            if (db.Where("account.move.line", "move_id", moveId).Count == 0)
            {
                throw FakeOdooException.User("You need to add a line before posting.");
            }

            if (isSale)
            {
                move["invoice_date"] ??= Date(Today);
            }

            var year = (move["invoice_date"] ?? move["date"])!.GetValue<string>()[..4];
            move["state"] = "posted";
            ReconcileReversed(moveId);
            move["name"] = db.NextName(Text("account.move", moveId, "move_type") switch { "out_invoice" => $"INV/{year}/", "out_refund" => $"RINV/{year}/", _ => $"MISC/{year}/" }, 5);
            ComputeInvoicing(moveId);
        }

        // Odoo 17's account.move action_post ends with "return False" (account.payment's returns nothing).
        return JsonValue.Create(false);
    }

    // The wizard reads the invoices to pay from the context (active_model, active_ids), as Odoo's does.
    private JsonNode CreatePaymentWizard(JsonNode? values, JsonObject context)
    {
        if (context["active_model"]?.GetValue<string>() != "account.move" || context["active_ids"] is not JsonArray active || active.Count == 0)
        {
            throw FakeOdooException.User("The register payment wizard should only be called on account.move or account.move.line records.");
        }

        // Only posted entries have something to pay (observed on 17: a draft invoice gets this message too).
        var moves = IdList(active);
        if (moves.All(m => State("account.move", m) != "posted" || Amount(db.Raw("account.move", m)["amount_residual"]) == 0))
        {
            throw FakeOdooException.User("You can't register a payment because there is nothing left to pay on the selected journal items.");
        }

        var list = values as JsonArray ?? [values?.DeepClone()];
        var ids = list.Select(v =>
        {
            var wizard = (JsonObject)v!.DeepClone();
            wizard["line_ids"] = new JsonArray(new JsonArray(6, 0, IdArray(moves)));
            wizard["journal_id"] ??= FirstJournal("bank");
            wizard["amount"] ??= moves.Sum(m => Amount(db.Raw("account.move", m)["amount_residual"]));
            wizard["partner_id"] ??= db.Raw("account.move", moves[0])["partner_id"]?.DeepClone();
            wizard["payment_date"] ??= Date(Today);
            wizard["payment_type"] = Text("account.move", moves[0], "move_type") == "out_refund" ? "outbound" : "inbound";
            wizard["communication"] ??= string.Join(" ", moves.Select(m => Text("account.move", m, "ref") is { Length: > 0 } reference ? reference : Text("account.move", m, "name")).Order(StringComparer.Ordinal));
            return JsonValue.Create(db.Create("account.payment.register", wizard));
        }).ToArray<JsonNode?>();
        return values is JsonArray ? new JsonArray(ids) : ids[0]!;
    }

    private JsonNode CreatePayments(IReadOnlyList<long> wizards, JsonObject context)
    {
        long payment = 0;
        foreach (var wizardId in wizards)
        {
            var wizard = db.Raw("account.payment.register", wizardId);
            var moves = IdList(wizard["line_ids"]);
            payment = db.Create("account.payment", new JsonObject
            {
                ["amount"] = wizard["amount"]!.DeepClone(),
                ["payment_type"] = wizard["payment_type"]!.DeepClone(),
                ["partner_type"] = "customer",
                ["journal_id"] = wizard["journal_id"]!.DeepClone(),
                ["partner_id"] = wizard["partner_id"]?.DeepClone(),
                ["currency_id"] = db.Raw("account.move", moves[0])["currency_id"]?.DeepClone(),
                ["date"] = wizard["payment_date"]!.DeepClone(),
                [PaymentReferenceField] = wizard["communication"]?.DeepClone(),
                ["state"] = "draft",
            });
            PostPayment(payment);
            Reconcile(payment, moves, Amount(wizard["amount"]));
        }

        if (context["dont_redirect_to_payments"]?.GetValueKind() == JsonValueKind.True)
        {
            return JsonValue.Create(true);
        }

        return new JsonObject { ["name"] = "Payments", ["type"] = "ir.actions.act_window", ["res_model"] = "account.payment", ["context"] = new JsonObject { ["create"] = false }, ["view_mode"] = "form", ["res_id"] = payment };
    }

    private void Reconcile(long paymentId, List<long> moves, decimal amount)
    {
        var left = amount;
        foreach (var moveId in moves)
        {
            var applied = Math.Min(left, Amount(db.Raw("account.move", moveId)["amount_residual"]));
            left -= applied;
            Settle(moveId, applied, byPayment: true);
        }

        db.Raw("account.payment", paymentId)["reconciled_invoice_ids"] = IdArray(moves);
    }

    // Posting a credit note that reverses a posted invoice reconciles the two (account.move._post, 17).
    private void ReconcileReversed(long moveId)
    {
        if (Text("account.move", moveId, "move_type") == "out_refund"
            && Id(db.Raw("account.move", moveId)["reversed_entry_id"]) is { } invoice && State("account.move", invoice) == "posted")
        {
            var amount = Math.Min(Amount(db.Raw("account.move", moveId)["amount_residual"]), Amount(db.Raw("account.move", invoice)["amount_residual"]));
            Settle(invoice, amount, byPayment: false);
            Settle(moveId, amount, byPayment: false);
        }
    }

    // Community's invoices go straight to "paid" ("in_payment" comes with the Accountant app); an invoice settled by
    // credit notes alone is "reversed".
    private void Settle(long moveId, decimal amount, bool byPayment)
    {
        var move = db.Raw("account.move", moveId);
        move["amount_residual"] = Amount(move["amount_residual"]) - amount;
        if (byPayment && amount > 0)
        {
            move[PaidByPayment] = true;
        }

        var reversed = move[PaidByPayment] is null && Text("account.move", moveId, "move_type") == "out_invoice";
        move["payment_state"] = Amount(move["amount_residual"]) == 0 ? (reversed ? "reversed" : "paid")
            : Amount(move["amount_residual"]) < Amount(move["amount_total"]) ? "partial"
            : "not_paid";
    }

    private void PaymentDefaults(JsonObject values)
    {
        values["state"] ??= "draft";
        values["payment_type"] ??= "inbound";
        values["partner_type"] ??= "customer";
        values["date"] ??= Date(Today);
        values["journal_id"] ??= FirstJournal("bank");
        values["currency_id"] ??= 1;
        if (db.Major < 18)
        {
            values["name"] ??= "/";
        }
    }

    private JsonNode? PostPayments(IReadOnlyList<long> payments)
    {
        foreach (var payment in payments)
        {
            PostPayment(payment);
        }

        return null;
    }

    private void PostPayment(long paymentId)
    {
        var payment = db.Raw("account.payment", paymentId);
        if (State("account.payment", paymentId) != "draft")
        {
            throw FakeOdooException.User($"The entry {Text("account.payment", paymentId, "name")} (id {paymentId}) must be in draft.");
        }

        var journal = Id(payment["journal_id"]) ?? throw FakeOdooException.User("The journal is required to post a payment.");
        payment["name"] = db.NextName($"P{Text("account.journal", journal, "code")}/{payment["date"]!.GetValue<string>()[..4]}/", 5);
        payment["state"] = PostedPaymentState;
    }
}
