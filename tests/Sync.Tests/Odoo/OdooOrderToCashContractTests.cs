using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Odoo;

/// <summary>
/// What order-to-cash relies on Odoo to do with orders, deliveries, invoices, credit notes, payments and returns,
/// asserted the same way against the fake Odoo 17 and a real Odoo (set ODOO_URL etc.; see the README). Every test
/// makes its own taxes, products and customer, so a shared database's demo data does not matter.
/// </summary>
[Trait("Category", "OdooContract")]
public class OdooOrderToCashContractTests(OdooContractTarget target) : IClassFixture<OdooContractTarget>
{
    private OdooClient Odoo => target.AdminClient;

    private static JsonArray Set(params long[] ids) => new(new JsonArray(6, 0, new JsonArray(ids.Select(i => JsonValue.Create(i)).ToArray<JsonNode?>())));

    private static JsonArray Line(JsonObject values) => new(0, 0, values);

    private async Task<long> TaxAsync(string name, decimal percent, bool included)
    {
        var profile = await Odoo.GetProfileAsync();
        var values = new JsonObject { ["name"] = target.Unique(name), ["amount"] = percent, ["amount_type"] = "percent", ["type_tax_use"] = "sale" };
        values[profile.TaxPriceIncludeField] = profile.Version.Major >= 18 ? (included ? "tax_included" : "tax_excluded") : included;
        return (await Odoo.CreateAsync("account.tax", [values]))[0];
    }

    private async Task<long> ProductAsync(string name, decimal price, params long[] taxes)
    {
        var values = (await Odoo.GetProfileAsync()).StorableProduct();
        values["name"] = target.Unique(name);
        values["default_code"] = target.Unique(name).Replace(' ', '-');
        values["list_price"] = price;
        values["taxes_id"] = Set(taxes);
        var template = (await Odoo.CreateAsync("product.template", [values]))[0];
        return (await Odoo.SearchAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", template)))[0];
    }

    private async Task<long> CustomerAsync() =>
        (await Odoo.CreateAsync("res.partner", [new JsonObject { ["name"] = target.Unique("customer"), ["email"] = $"{Guid.NewGuid():N}@example.com" }]))[0];

    private async Task<(long Order, long[] Lines)> ConfirmedOrderAsync(params (long Product, decimal Quantity, decimal Price)[] lines)
    {
        var taxesField = (await Odoo.GetProfileAsync()).SaleLineTaxesField;
        var order = (await Odoo.CreateAsync("sale.order", [new JsonObject
        {
            ["partner_id"] = await CustomerAsync(),
            ["origin"] = target.Unique("store order"),
            ["order_line"] = new JsonArray(lines.Select(l => (JsonNode)Line(new JsonObject { ["product_id"] = l.Product, ["product_uom_qty"] = l.Quantity, ["price_unit"] = l.Price, [taxesField] = Set() })).ToArray()),
        }]))[0];
        await Odoo.CallAsync("sale.order", "action_confirm", [order]);
        var read = (await Odoo.ReadAsync("sale.order", [order], ["order_line"])).Single()!;
        return (order, read.Ids("order_line").Order().ToArray());
    }

    private async Task<long> DeliverAsync(long order)
    {
        var picking = (await Odoo.SearchAsync("stock.picking", OdooDomain.Where("sale_id", "=", order).And(OdooDomain.Where("state", "not in", new JsonArray("done", "cancel")))))[0];
        foreach (var move in await Odoo.ReadAsync("stock.move", await Odoo.SearchAsync("stock.move", OdooDomain.Where("picking_id", "=", picking)), ["product_uom_qty"]))
        {
            await Odoo.WriteAsync("stock.move", [move!.Id()], new JsonObject { ["quantity"] = move!.Number("product_uom_qty"), ["picked"] = true });
        }

        await Odoo.CallAsync("stock.picking", "button_validate", [picking]);
        return picking;
    }

    [Fact]
    public async Task Order_lines_keep_explicit_prices_and_taxes_and_take_the_products_taxes_only_when_none_are_sent()
    {
        var profile = await Odoo.GetProfileAsync();
        var excluded = await TaxAsync("tax 15", 15, included: false);
        var included = await TaxAsync("tva 20 ttc", 20, included: true);
        var product = await ProductAsync("taxed product", 100, excluded);

        var orderId = (await Odoo.CreateAsync("sale.order", [new JsonObject
        {
            ["partner_id"] = await CustomerAsync(),
            ["order_line"] = new JsonArray(
                Line(new JsonObject { ["sequence"] = 1, ["product_id"] = product, ["product_uom_qty"] = 3, ["price_unit"] = 19.99, ["discount"] = 10, [profile.SaleLineTaxesField] = Set(excluded) }),
                Line(new JsonObject { ["sequence"] = 2, ["product_id"] = product, ["product_uom_qty"] = 1, ["price_unit"] = 12, [profile.SaleLineTaxesField] = Set(included) }),
                Line(new JsonObject { ["sequence"] = 3, ["product_id"] = product, ["product_uom_qty"] = 1, ["price_unit"] = 5, [profile.SaleLineTaxesField] = Set() }),
                Line(new JsonObject { ["sequence"] = 4, ["product_id"] = product, ["product_uom_qty"] = 1, ["price_unit"] = 7 })),
        }]))[0];

        var order = (await Odoo.ReadAsync("sale.order", [orderId], ["amount_untaxed", "amount_tax", "amount_total", "order_line"])).Single()!;
        var lines = (await Odoo.ReadAsync("sale.order.line", order.Ids("order_line"), ["sequence", "price_unit", profile.SaleLineTaxesField, "price_subtotal", "price_tax", "price_total"]))
            .OrderBy(l => l!.Number("sequence")).ToList();
        Assert.Equal([19.99m, 12m, 5m, 7m], lines.Select(l => l!.Number("price_unit")));
        Assert.Equal([[excluded], [included], [], [excluded]], lines.Select(l => l!.Ids(profile.SaleLineTaxesField).ToArray()));
        // 3 × 19.99 less 10% = 53.973 → 53.97, tax 8.0955 → 8.10; 12 with 20% included → 10.00 + 2.00.
        Assert.Equal([53.97m, 10m, 5m, 7m], lines.Select(l => l!.Number("price_subtotal")));
        // Odoo 19 stores price_tax as a plain float (8.100000000000001); the amounts are what matter.
        Assert.Equal([8.10m, 2m, 0m, 1.05m], lines.Select(l => Math.Round(l!.Number("price_tax"), 2)));
        Assert.Equal((75.97m, 11.15m, 87.12m), (order.Number("amount_untaxed"), order.Number("amount_tax"), order.Number("amount_total")));
    }

    [Fact]
    public async Task A_confirmed_orders_quantity_cannot_go_below_what_was_delivered_and_a_new_line_goes_onto_the_open_delivery()
    {
        var chair = await ProductAsync("chair", 70);
        var desk = await ProductAsync("desk", 450);
        var (order, lines) = await ConfirmedOrderAsync((chair, 2, 70));
        await DeliverAsync(order);

        var error = await Assert.ThrowsAsync<OdooException>(() =>
            Odoo.WriteAsync("sale.order", [order], new JsonObject { ["order_line"] = new JsonArray(new JsonArray(1, lines[0], new JsonObject { ["product_uom_qty"] = 1 })) }));
        await Odoo.WriteAsync("sale.order", [order], new JsonObject { ["order_line"] = new JsonArray(Line(new JsonObject { ["product_id"] = desk, ["product_uom_qty"] = 1, ["price_unit"] = 450 })) });

        Assert.Equal(OdooErrorKind.Validation, error.Kind);
        Assert.Equal("odoo.exceptions.UserError", error.OdooName);
        Assert.Contains("cannot be decreased below the amount already delivered", error.Message, StringComparison.Ordinal);
        var line = (await Odoo.ReadAsync("sale.order.line", [lines[0]], ["product_uom_qty", "qty_delivered"])).Single()!;
        Assert.Equal((2m, 2m), (line.Number("product_uom_qty"), line.Number("qty_delivered")));
        var open = await Odoo.SearchReadAsync("stock.picking", OdooDomain.Where("sale_id", "=", order).And(OdooDomain.Where("state", "not in", new JsonArray("done", "cancel"))), ["move_ids"]);
        var moves = await Odoo.ReadAsync("stock.move", open.Single()!.Ids("move_ids"), ["product_id", "product_uom_qty"]);
        Assert.Equal((desk, 1m), (moves.Single()!.ManyToOneId("product_id")!.Value, moves.Single()!.Number("product_uom_qty")));
    }

    [Fact]
    public async Task Cancel_without_the_warning_cancels_the_order_and_its_open_delivery_and_with_it_answers_the_wizard()
    {
        var product = await ProductAsync("cancelled", 10);
        var (order, _) = await ConfirmedOrderAsync((product, 1, 10));

        var wizard = await Odoo.CallAsync("sale.order", "action_cancel", [order]);
        var stateAfterWizard = (await Odoo.ReadAsync("sale.order", [order], ["state"])).Single()!.Text("state");
        await Odoo.CallAsync("sale.order", "action_cancel", [order], context: new JsonObject { ["disable_cancel_warning"] = true });

        if ((await Odoo.GetProfileAsync()).Version.Major >= 19)
        {
            // Odoo 19 dropped the wizard: action_cancel cancels at once, with or without the flag.
            Assert.Equal("cancel", stateAfterWizard);
        }
        else
        {
            Assert.Equal("sale.order.cancel", wizard!["res_model"]!.GetValue<string>());
            Assert.Equal("sale", stateAfterWizard);
        }

        Assert.Equal("cancel", (await Odoo.ReadAsync("sale.order", [order], ["state"])).Single()!.Text("state"));
        var pickings = await Odoo.SearchReadAsync("stock.picking", OdooDomain.Where("sale_id", "=", order), ["state"]);
        Assert.All(pickings, p => Assert.Equal("cancel", p!.Text("state")));
    }

    [Fact]
    public async Task An_order_with_a_done_delivery_and_a_posted_invoice_is_still_cancelled_leaving_both_as_they_are()
    {
        var product = await ProductAsync("delivered then cancelled", 10);
        var (order, lines) = await ConfirmedOrderAsync((product, 1, 10));
        var picking = await DeliverAsync(order);
        var invoice = await InvoiceAsync(order, "out_invoice", (lines[0], product, 1, 10));
        await Odoo.CallAsync("account.move", "action_post", [invoice]);

        await Odoo.CallAsync("sale.order", "action_cancel", [order], context: new JsonObject { ["disable_cancel_warning"] = true });

        Assert.Equal("cancel", (await Odoo.ReadAsync("sale.order", [order], ["state"])).Single()!.Text("state"));
        Assert.Equal("done", (await Odoo.ReadAsync("stock.picking", [picking], ["state"])).Single()!.Text("state"));
        Assert.Equal("posted", (await Odoo.ReadAsync("account.move", [invoice], ["state"])).Single()!.Text("state"));
    }

    private async Task<long> InvoiceAsync(long order, string type, params (long SaleLine, long Product, decimal Quantity, decimal Price)[] lines)
    {
        var name = (await Odoo.ReadAsync("sale.order", [order], ["name", "partner_id"])).Single()!;
        return (await Odoo.CreateAsync("account.move", [new JsonObject
        {
            ["move_type"] = type,
            ["partner_id"] = name.ManyToOneId("partner_id"),
            ["invoice_origin"] = name.Text("name"),
            ["ref"] = target.Unique(type),
            ["invoice_line_ids"] = new JsonArray(lines.Select(l => (JsonNode)Line(new JsonObject
            {
                ["product_id"] = l.Product,
                ["name"] = "line",
                ["quantity"] = l.Quantity,
                ["price_unit"] = l.Price,
                ["tax_ids"] = Set(),
                ["sale_line_ids"] = Set(l.SaleLine),
            })).ToArray()),
        }]))[0];
    }

    [Fact]
    public async Task An_invoice_made_from_sale_lines_is_the_orders_and_counts_as_invoiced_and_a_credit_note_takes_it_back()
    {
        var tax = await TaxAsync("invoice tax", 10, included: false);
        var product = await ProductAsync("invoiced", 40);
        var (order, lines) = await ConfirmedOrderAsync((product, 3, 40));
        var orderName = (await Odoo.ReadAsync("sale.order", [order], ["name"])).Single()!.Text("name");

        var invoice = (await Odoo.CreateAsync("account.move", [new JsonObject
        {
            ["move_type"] = "out_invoice",
            ["partner_id"] = (await Odoo.ReadAsync("sale.order", [order], ["partner_id"])).Single()!.ManyToOneId("partner_id"),
            ["invoice_origin"] = orderName,
            ["invoice_line_ids"] = new JsonArray(Line(new JsonObject { ["product_id"] = product, ["quantity"] = 3, ["price_unit"] = 40, ["discount"] = 5, ["tax_ids"] = Set(tax), ["sale_line_ids"] = Set(lines[0]) })),
        }]))[0];
        await Odoo.CallAsync("account.move", "action_post", [invoice]);
        var refund = await InvoiceAsync(order, "out_refund", (lines[0], product, 1, 40));
        await Odoo.WriteAsync("account.move", [refund], new JsonObject { ["reversed_entry_id"] = invoice });
        await Odoo.CallAsync("account.move", "action_post", [refund]);

        // 3 × 40 less 5% = 114.00, 10% tax 11.40; posting the credit note of 40 reconciles it with the invoice.
        var posted = (await Odoo.ReadAsync("account.move", [invoice], ["name", "state", "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "payment_state"])).Single()!;
        Assert.StartsWith("INV/", posted.Text("name"), StringComparison.Ordinal);
        Assert.Equal(("posted", "partial"), (posted.Text("state"), posted.Text("payment_state")));
        Assert.Equal((114m, 11.4m, 125.4m, 85.4m), (posted.Number("amount_untaxed"), posted.Number("amount_tax"), posted.Number("amount_total"), posted.Number("amount_residual")));
        var credit = (await Odoo.ReadAsync("account.move", [refund], ["name", "reversed_entry_id", "amount_total", "amount_residual", "payment_state"])).Single()!;
        Assert.StartsWith("RINV/", credit.Text("name"), StringComparison.Ordinal);
        Assert.Equal(invoice, credit.ManyToOneId("reversed_entry_id"));
        Assert.Equal((40m, 0m, "paid"), (credit.Number("amount_total"), credit.Number("amount_residual"), credit.Text("payment_state")));
        var read = (await Odoo.ReadAsync("sale.order", [order], ["invoice_ids", "invoice_status"])).Single()!;
        Assert.Equal([invoice, refund], read.Ids("invoice_ids").Order());
        Assert.Equal("to invoice", read.Text("invoice_status"));
        Assert.Equal(2m, (await Odoo.ReadAsync("sale.order.line", [lines[0]], ["qty_invoiced"])).Single()!.Number("qty_invoiced"));
        Assert.Single(await Odoo.SearchAsync("account.move", OdooDomain.Where("move_type", "=", "out_invoice").And(OdooDomain.Where("invoice_origin", "=", orderName))));
    }

    [Fact]
    public async Task The_payment_wizards_communication_is_the_payments_reference_and_a_partial_payment_leaves_the_rest_due()
    {
        var profile = await Odoo.GetProfileAsync();
        var product = await ProductAsync("paid", 100);
        var (order, lines) = await ConfirmedOrderAsync((product, 1, 100));
        var invoice = await InvoiceAsync(order, "out_invoice", (lines[0], product, 1, 100));
        await Odoo.CallAsync("account.move", "action_post", [invoice]);
        var bank = (await Odoo.SearchAsync("account.journal", OdooDomain.Where("type", "=", "bank"), 1))[0];
        var context = new JsonObject { ["active_model"] = "account.move", ["active_ids"] = new JsonArray(invoice) };
        var reference = target.Unique("payment");
        var referenceField = profile.Version.Major >= 18 ? "memo" : "ref";

        var wizard = (await Odoo.CreateAsync("account.payment.register", [new JsonObject { ["journal_id"] = bank, ["amount"] = 30, ["payment_date"] = "2026-01-15", ["communication"] = reference }], context))[0];
        var action = await Odoo.CallAsync("account.payment.register", "action_create_payments", [wizard], context: context);

        var payment = (await Odoo.ReadAsync("account.payment", [action!["res_id"]!.GetValue<long>()], ["amount", "payment_type", "partner_type", "date", referenceField, "state", "reconciled_invoice_ids"])).Single()!;
        Assert.Equal((30m, "inbound", "customer", "2026-01-15", reference), (payment.Number("amount"), payment.Text("payment_type"), payment.Text("partner_type"), payment.Text("date"), payment.Text(referenceField)));
        Assert.Equal([invoice], payment.Ids("reconciled_invoice_ids"));
        Assert.Equal([payment.Id()], await Odoo.SearchAsync("account.payment", OdooDomain.Where(referenceField, "=", reference)));
        var due = (await Odoo.ReadAsync("account.move", [invoice], ["payment_state", "amount_residual"])).Single()!;
        Assert.Equal(("partial", 70m), (due.Text("payment_state"), due.Number("amount_residual")));
    }

    [Fact]
    public async Task A_credit_note_is_refunded_through_the_wizard_with_an_outbound_payment()
    {
        var product = await ProductAsync("refunded", 25);
        var (order, lines) = await ConfirmedOrderAsync((product, 1, 25));
        var refund = await InvoiceAsync(order, "out_refund", (lines[0], product, 1, 25));
        await Odoo.CallAsync("account.move", "action_post", [refund]);
        var bank = (await Odoo.SearchAsync("account.journal", OdooDomain.Where("type", "=", "bank"), 1))[0];
        var context = new JsonObject { ["active_model"] = "account.move", ["active_ids"] = new JsonArray(refund) };

        var wizard = (await Odoo.CreateAsync("account.payment.register", [new JsonObject { ["journal_id"] = bank, ["communication"] = target.Unique("refund") }], context))[0];
        var action = await Odoo.CallAsync("account.payment.register", "action_create_payments", [wizard], context: context);

        var payment = (await Odoo.ReadAsync("account.payment", [action!["res_id"]!.GetValue<long>()], ["payment_type", "amount"])).Single()!;
        Assert.Equal(("outbound", 25m), (payment.Text("payment_type"), payment.Number("amount")));
        var paid = (await Odoo.ReadAsync("account.move", [refund], ["payment_state", "amount_residual"])).Single()!;
        Assert.True(paid.Text("payment_state") is "paid" or "in_payment", paid.Text("payment_state"));
        Assert.Equal(0m, paid.Number("amount_residual"));
    }

    [Fact]
    public async Task A_payment_created_directly_is_posted_with_its_reference()
    {
        var profile = await Odoo.GetProfileAsync();
        var referenceField = profile.Version.Major >= 18 ? "memo" : "ref";
        var bank = (await Odoo.SearchAsync("account.journal", OdooDomain.Where("type", "=", "bank"), 1))[0];
        var reference = target.Unique("unbilled payment");

        var payment = (await Odoo.CreateAsync("account.payment", [new JsonObject
        {
            ["payment_type"] = "inbound",
            ["partner_type"] = "customer",
            ["partner_id"] = await CustomerAsync(),
            ["amount"] = 42.5,
            ["journal_id"] = bank,
            ["date"] = "2026-02-01",
            [referenceField] = reference,
        }]))[0];
        await Odoo.CallAsync("account.payment", "action_post", [payment]);

        var read = (await Odoo.ReadAsync("account.payment", [payment], ["state", "amount", "name"])).Single()!;
        Assert.Equal(profile.Version.Major >= 18 ? "in_process" : "posted", read.Text("state"));
        Assert.Equal(42.5m, read.Number("amount"));
        Assert.Equal([payment], await Odoo.SearchAsync("account.payment", OdooDomain.Where(referenceField, "=", reference)));
    }

    [Fact]
    public async Task A_return_of_a_delivery_is_an_incoming_picking_that_takes_back_the_delivered_quantity_once_validated()
    {
        var profile = await Odoo.GetProfileAsync();
        var product = await ProductAsync("returned", 30);
        var (order, lines) = await ConfirmedOrderAsync((product, 3, 30));
        var delivery = await DeliverAsync(order);
        var deliveryName = (await Odoo.ReadAsync("stock.picking", [delivery], ["name"])).Single()!.Text("name");
        var move = (await Odoo.SearchAsync("stock.move", OdooDomain.Where("picking_id", "=", delivery)))[0];
        var context = new JsonObject { ["active_id"] = delivery, ["active_ids"] = new JsonArray(delivery), ["active_model"] = "stock.picking" };

        var wizard = (await Odoo.CreateAsync("stock.return.picking", [new JsonObject
        {
            ["product_return_moves"] = new JsonArray(Line(new JsonObject { ["product_id"] = product, ["quantity"] = 2, ["move_id"] = move })),
        }], context))[0];
        var action = await Odoo.CallAsync("stock.return.picking", profile.Version.Major >= 18 ? "action_create_returns" : "create_returns", [wizard], context: context);
        var returned = action!["res_id"]!.GetValue<long>();

        var picking = (await Odoo.ReadAsync("stock.picking", [returned], ["picking_type_code", "origin", "move_ids", "sale_id"])).Single()!;
        Assert.Equal(("incoming", $"Return of {deliveryName}", order), (picking.Text("picking_type_code"), picking.Text("origin"), picking.ManyToOneId("sale_id")!.Value));
        var returnMove = (await Odoo.ReadAsync("stock.move", picking.Ids("move_ids"), ["product_id", "product_uom_qty"])).Single()!;
        Assert.Equal((product, 2m), (returnMove.ManyToOneId("product_id")!.Value, returnMove.Number("product_uom_qty")));

        await Odoo.WriteAsync("stock.move", [returnMove.Id()], new JsonObject { ["quantity"] = 2, ["picked"] = true });
        await Odoo.CallAsync("stock.picking", "button_validate", [returned]);
        Assert.Equal(1m, (await Odoo.ReadAsync("sale.order.line", [lines[0]], ["qty_delivered"])).Single()!.Number("qty_delivered"));
    }
}
