using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// Odoo's model methods as the connector uses them, with their side effects (order totals, delivery on
/// confirmation, stock on validation) and their errors. One call at a time, as Odoo serializes a record's writes.
/// </summary>
public sealed class FakeOdooService(FakeOdooDatabase db)
{
    private static readonly string[] SharedProductFields = ["default_code", "barcode", "detailed_type", "type", "is_storable"];
    private static readonly string[] RecordMethods = ["read", "write", "unlink", "action_confirm", "action_cancel", "button_validate", "action_post", "action_create_payments", "has_access"];
    private readonly Lock gate = new();

    public FakeOdooDatabase Database => db;

    public static bool TakesIds(string method) => RecordMethods.Contains(method);

    /// <summary>The positional argument a method accepts first when it is not given by name.</summary>
    public static string? FirstParameter(string method) => method switch
    {
        "search_read" or "search" or "search_count" => "domain",
        "create" => "vals_list",
        "name_search" => "name",
        "write" => "vals",
        "fields_get" => "allfields",
        "check_access_rights" or "has_access" => "operation",
        _ => null,
    };

    public JsonNode? Execute(FakeOdooUser user, string model, string method, IReadOnlyList<long>? ids, JsonObject arguments)
    {
        lock (gate)
        {
            var definition = db.Model(model);
            arguments.Remove("context", out var contextNode);
            var context = contextNode as JsonObject ?? [];
            return method switch
            {
                "search_read" => SearchRead(user, definition, arguments),
                "search" => Ids(Search(user, definition, arguments)),
                "search_count" => Allowed(user, definition, "read", ["domain"], arguments, () => JsonValue.Create(db.Search(model, Domain(arguments), null).Count())),
                // Odoo's read skips ids that do not exist (observed on 17), it raises no MissingError.
                "read" => Allowed(user, definition, "read", ["fields"], arguments, () => new JsonArray((ids ?? []).Where(id => db.Exists(model, id)).Select(id => (JsonNode)db.Read(model, id, Fields(arguments))).ToArray())),
                "create" when model == "account.payment.register" => Allowed(user, definition, "create", ["vals_list"], arguments, () => CreatePaymentWizard(arguments["vals_list"], context)),
                "create" => Allowed(user, definition, "create", ["vals_list"], arguments, () => Create(definition, arguments["vals_list"])),
                "write" => Allowed(user, definition, "write", ["vals"], arguments, () => Write(user, model, ids, arguments["vals"]!.AsObject())),
                "unlink" => Allowed(user, definition, "unlink", [], arguments, () => Unlink(user, model, ids)),
                "name_search" => NameSearch(user, definition, arguments),
                "fields_get" => Allowed(user, definition, "read", ["allfields", "attributes"], arguments, () => FieldsGet(definition, arguments)),
                "check_access_rights" => CheckAccessRights(user, definition, arguments),
                "has_access" when db.Major >= 18 => Keywords(arguments, ["operation"], () => JsonValue.Create(user.May(model, arguments["operation"]!.GetValue<string>()))),
                "action_confirm" when model == "sale.order" => Allowed(user, definition, "write", [], arguments, () => Confirm(Existing(user, model, ids))),
                "action_cancel" when model == "sale.order" => Allowed(user, definition, "write", [], arguments, () => Cancel(Existing(user, model, ids))),
                "button_validate" when model == "stock.picking" => Allowed(user, definition, "write", [], arguments, () => Validate(Existing(user, model, ids))),
                "action_post" when model == "account.move" => Allowed(user, definition, "write", [], arguments, () => Post(Existing(user, model, ids))),
                "action_create_payments" when model == "account.payment.register" => Allowed(user, definition, "write", [], arguments, () => CreatePayments(Existing(user, model, ids))),
                _ => throw FakeOdooException.UnknownMethod(model, method),
            };
        }
    }

    /// <summary>Creates records as Odoo would, with their side effects (used by the seed data too).</summary>
    public long CreateRecord(string model, JsonObject values)
    {
        lock (gate)
        {
            return CreateOne(db.Model(model), values);
        }
    }

    private JsonNode SearchRead(FakeOdooUser user, FakeOdooModel model, JsonObject arguments) =>
        Allowed(user, model, "read", ["domain", "fields", "offset", "limit", "order"], arguments, () =>
            new JsonArray(Page(db.Search(model.Name, Domain(arguments), arguments["order"]?.GetValue<string>()), arguments)
                .Select(id => (JsonNode)db.Read(model.Name, id, Fields(arguments))).ToArray()));

    private IEnumerable<long> Search(FakeOdooUser user, FakeOdooModel model, JsonObject arguments)
    {
        Require(user, model, "read");
        CheckKeywords(arguments, ["domain", "offset", "limit", "order"]);
        return Page(db.Search(model.Name, Domain(arguments), arguments["order"]?.GetValue<string>()), arguments);
    }

    private JsonNode NameSearch(FakeOdooUser user, FakeOdooModel model, JsonObject arguments)
    {
        var domainArgument = db.Major >= 18 ? "domain" : "args";
        return Allowed(user, model, "read", ["name", domainArgument, "operator", "limit"], arguments, () =>
        {
            var name = arguments["name"]?.GetValue<string>() ?? "";
            var domain = arguments[domainArgument]?.AsArray() ?? [];
            var limit = arguments["limit"]?.GetValue<int>() ?? 100;
            return new JsonArray(db.Search(model.Name, domain, null)
                .Where(id => db.DisplayName(model.Name, id).Contains(name, StringComparison.OrdinalIgnoreCase))
                .Take(limit)
                .Select(id => (JsonNode)new JsonArray(id, db.DisplayName(model.Name, id)))
                .ToArray());
        });
    }

    private static JsonNode CheckAccessRights(FakeOdooUser user, FakeOdooModel model, JsonObject arguments) =>
        Keywords(arguments, ["operation", "raise_exception"], () =>
        {
            var operation = arguments["operation"]!.GetValue<string>();
            if (!user.May(model.Name, operation) && arguments["raise_exception"]?.GetValueKind() != JsonValueKind.False)
            {
                throw FakeOdooException.AccessError(model.Label, model.Name, operation);
            }

            return JsonValue.Create(user.May(model.Name, operation));
        });

    private JsonNode Create(FakeOdooModel model, JsonNode? values) => values switch
    {
        JsonArray list => new JsonArray(list.Select(v => JsonValue.Create(CreateOne(model, v!.AsObject()))).ToArray<JsonNode?>()),
        JsonObject single => JsonValue.Create(CreateOne(model, single)),
        _ => throw new FakeOdooException("builtins.TypeError", "create() missing 1 required positional argument: 'vals_list'", HttpStatusCode.InternalServerError),
    };

    private long CreateOne(FakeOdooModel model, JsonObject given)
    {
        var values = (JsonObject)given.DeepClone();
        switch (model.Name)
        {
            case "product.product" when values["product_tmpl_id"] is null:
                values["product_tmpl_id"] = db.Create("product.template", TemplateValues(values));
                break;
            case "sale.order":
                values["name"] ??= db.NextName("S", 5);
                values["state"] ??= "draft";
                values["company_id"] ??= 1;
                values["currency_id"] ??= 1;
                break;
            case "account.move":
                values["state"] ??= "draft";
                values["name"] ??= "/";
                break;
            case "res.partner":
                values["active"] ??= true;
                break;
        }

        if (model.Fields.ContainsKey("active"))
        {
            values["active"] ??= true;
        }

        // On 17 the old "type" field follows detailed_type ("product" stays "product").
        if (db.Major < 18 && values["detailed_type"] is JsonValue detailed)
        {
            values["type"] = detailed.DeepClone();
        }

        var id = db.Create(model.Name, values);
        AfterChange(model.Name, id);
        return id;
    }

    private static JsonObject TemplateValues(JsonObject variant)
    {
        var template = new JsonObject { ["name"] = variant["name"]?.DeepClone() ?? "Product" };
        foreach (var field in SharedProductFields)
        {
            if (variant[field] is { } value)
            {
                template[field] = value.DeepClone();
            }
        }

        if (variant["lst_price"] is { } price)
        {
            template["list_price"] = price.DeepClone();
        }

        return template;
    }

    private JsonValue Write(FakeOdooUser user, string model, IReadOnlyList<long>? ids, JsonObject values)
    {
        foreach (var id in Existing(user, model, ids))
        {
            db.Write(model, id, values);
            AfterChange(model, id);
        }

        return JsonValue.Create(true);
    }

    private JsonValue Unlink(FakeOdooUser user, string model, IReadOnlyList<long>? ids)
    {
        foreach (var id in Existing(user, model, ids))
        {
            if (model == "sale.order" && db.Raw(model, id)["state"]?.GetValue<string>() is "sale")
            {
                throw FakeOdooException.User("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
            }

            db.Unlink(model, id);
        }

        return JsonValue.Create(true);
    }

    // Derived values Odoo keeps up to date: product variants, order totals, stock figures.
    private void AfterChange(string model, long id)
    {
        switch (model)
        {
            case "product.template" when !db.Ids("product.product").Any(p => db.Raw("product.product", p)["product_tmpl_id"]?.GetValue<long>() == id):
                var template = db.Raw(model, id);
                var variant = new JsonObject { ["product_tmpl_id"] = id, ["name"] = template["name"]?.DeepClone(), ["lst_price"] = template["list_price"]?.DeepClone() ?? 0 };
                foreach (var field in SharedProductFields.Where(f => template[f] is not null))
                {
                    variant[field] = template[field]!.DeepClone();
                }

                db.Create("product.product", variant);
                break;
            case "sale.order.line":
                FillLine(id);
                ComputeTotals(db.Raw(model, id)["order_id"]!.GetValue<long>());
                break;
            case "sale.order":
                ComputeTotals(id);
                break;
            case "account.move.line":
                ComputeInvoiceTotal(db.Raw(model, id)["move_id"]!.GetValue<long>());
                break;
            case "account.move":
                ComputeInvoiceTotal(id);
                break;
            case "stock.quant":
                ComputeStock(db.Raw(model, id)["product_id"]!.GetValue<long>());
                break;
        }
    }

    private void FillLine(long lineId)
    {
        var line = db.Raw("sale.order.line", lineId);
        if (line["product_id"] is JsonValue product && line["name"] is null)
        {
            line["name"] = db.DisplayName("product.product", product.GetValue<long>());
        }

        line["product_uom_qty"] ??= 1.0;
        line["discount"] ??= 0.0;
        if (line["price_unit"] is null && line["product_id"] is JsonValue priced)
        {
            line["price_unit"] = db.Raw("product.product", priced.GetValue<long>())["lst_price"]?.DeepClone() ?? 0.0;
        }
    }

    // Odoo rounds per line by default (round_per_line), as Shopify and WooCommerce do.
    private void ComputeTotals(long orderId)
    {
        var taxesField = db.Major >= 19 ? "tax_ids" : "tax_id";
        decimal untaxed = 0, tax = 0;
        foreach (var lineId in db.Ids("sale.order.line").Where(l => db.Raw("sale.order.line", l)["order_id"]?.GetValue<long>() == orderId).ToList())
        {
            FillLine(lineId);
            var line = db.Raw("sale.order.line", lineId);
            var gross = Amount(line["price_unit"]) * Amount(line["product_uom_qty"]) * (1 - (Amount(line["discount"]) / 100m));
            var included = 0m;
            var excluded = 0m;
            foreach (var taxId in line[taxesField]?.AsArray().Select(t => t!.GetValue<long>()) ?? [])
            {
                var taxRow = db.Raw("account.tax", taxId);
                var rate = Amount(taxRow["amount"]) / 100m;
                if (IsPriceIncluded(taxRow))
                {
                    included += rate;
                }
                else
                {
                    excluded += rate;
                }
            }

            var subtotal = Math.Round(gross / (1 + included), 2, MidpointRounding.AwayFromZero);
            var lineTax = Math.Round((gross - subtotal) + (subtotal * excluded), 2, MidpointRounding.AwayFromZero);
            line["price_subtotal"] = subtotal;
            line["price_tax"] = lineTax;
            line["price_total"] = subtotal + lineTax;
            untaxed += subtotal;
            tax += lineTax;
        }

        var order = db.Raw("sale.order", orderId);
        order["amount_untaxed"] = untaxed;
        order["amount_tax"] = tax;
        order["amount_total"] = untaxed + tax;
    }

    private void ComputeInvoiceTotal(long moveId)
    {
        var total = db.Ids("account.move.line").Where(l => db.Raw("account.move.line", l)["move_id"]?.GetValue<long>() == moveId)
            .Sum(l => Amount(db.Raw("account.move.line", l)["quantity"]) * Amount(db.Raw("account.move.line", l)["price_unit"]));
        db.Raw("account.move", moveId)["amount_total"] = total;
        db.Raw("account.move", moveId)["amount_residual"] = total;
    }

    private bool IsPriceIncluded(JsonObject tax) => db.Major >= 18
        ? tax["price_include_override"]?.GetValueKind() == JsonValueKind.String && tax["price_include_override"]!.GetValue<string>() == "tax_included"
        : tax["price_include"]?.GetValueKind() == JsonValueKind.True;

    private void ComputeStock(long productId)
    {
        decimal onHand = 0, reserved = 0;
        foreach (var quantId in db.Ids("stock.quant"))
        {
            var quant = db.Raw("stock.quant", quantId);
            if (quant["product_id"]?.GetValue<long>() == productId
                && db.Raw("stock.location", quant["location_id"]!.GetValue<long>())["usage"]?.GetValue<string>() == "internal")
            {
                onHand += Amount(quant["quantity"]);
                reserved += Amount(quant["reserved_quantity"]);
            }
        }

        var product = db.Raw("product.product", productId);
        product["qty_available"] = onHand;
        product["free_qty"] = onHand - reserved;
        product["virtual_available"] = onHand;
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

            order["state"] = "sale";
            var storableLines = db.Ids("sale.order.line")
                .Where(l => db.Raw("sale.order.line", l)["order_id"]?.GetValue<long>() == orderId)
                .Select(l => (Line: l, Product: db.Raw("sale.order.line", l)["product_id"]?.GetValue<long>()))
                .Where(l => l.Product is { } p && IsStorable(p))
                .ToList();
            if (storableLines.Count == 0)
            {
                continue;
            }

            var picking = db.Create("stock.picking", new JsonObject
            {
                ["name"] = db.NextName("WH/OUT/", 5),
                ["origin"] = order["name"]!.DeepClone(),
                ["sale_id"] = orderId,
                ["partner_id"] = (order["partner_shipping_id"] ?? order["partner_id"])!.DeepClone(),
                ["state"] = "assigned",
                ["picking_type_code"] = "outgoing",
            });
            foreach (var (line, product) in storableLines)
            {
                db.Create("stock.move", new JsonObject
                {
                    ["name"] = db.DisplayName("product.product", product!.Value),
                    ["picking_id"] = picking,
                    ["product_id"] = product,
                    ["product_uom_qty"] = db.Raw("sale.order.line", line)["product_uom_qty"]!.DeepClone(),
                    ["quantity"] = 0.0,
                    ["state"] = "assigned",
                    ["sale_line_id"] = line,
                });
            }
        }

        return JsonValue.Create(true);
    }

    private bool IsStorable(long productId)
    {
        var product = db.Raw("product.product", productId);
        return db.Major >= 18
            ? product["is_storable"]?.GetValueKind() == JsonValueKind.True
            : product["detailed_type"]?.GetValue<string>() == "product";
    }

    private JsonValue Cancel(IReadOnlyList<long> orders)
    {
        foreach (var orderId in orders)
        {
            var pickings = PickingsOf(orderId).ToList();
            if (pickings.Any(p => db.Raw("stock.picking", p)["state"]?.GetValue<string>() == "done"))
            {
                throw FakeOdooException.User("You cannot cancel a sales order that has a done delivery. Create a return first.");
            }

            db.Raw("sale.order", orderId)["state"] = "cancel";
            foreach (var picking in pickings)
            {
                db.Raw("stock.picking", picking)["state"] = "cancel";
            }
        }

        return JsonValue.Create(true);
    }

    private IEnumerable<long> PickingsOf(long orderId) =>
        db.Ids("stock.picking").Where(p => db.Raw("stock.picking", p)["sale_id"]?.GetValue<long>() == orderId);

    private JsonValue Validate(IReadOnlyList<long> pickings)
    {
        foreach (var pickingId in pickings)
        {
            var picking = db.Raw("stock.picking", pickingId);
            if (picking["state"]?.GetValue<string>() is "done" or "cancel")
            {
                throw FakeOdooException.User("You cannot validate a transfer if no quantities are reserved nor done.");
            }

            picking["state"] = "done";
            foreach (var moveId in db.Ids("stock.move").Where(m => db.Raw("stock.move", m)["picking_id"]?.GetValue<long>() == pickingId).ToList())
            {
                var move = db.Raw("stock.move", moveId);
                move["quantity"] = move["product_uom_qty"]!.DeepClone();
                move["state"] = "done";
                TakeFromStock(move["product_id"]!.GetValue<long>(), Amount(move["product_uom_qty"]));
            }
        }

        return JsonValue.Create(true);
    }

    private void TakeFromStock(long productId, decimal quantity)
    {
        var quant = db.Ids("stock.quant").FirstOrDefault(q => db.Raw("stock.quant", q)["product_id"]?.GetValue<long>() == productId);
        if (quant != 0)
        {
            var row = db.Raw("stock.quant", quant);
            row["quantity"] = Amount(row["quantity"]) - quantity;
            ComputeStock(productId);
        }
    }

    // The wizard reads the invoices to pay from the context (active_model, active_ids), as Odoo's does.
    private JsonNode CreatePaymentWizard(JsonNode? values, JsonObject context)
    {
        if (context["active_model"]?.GetValue<string>() != "account.move" || context["active_ids"] is not JsonArray active || active.Count == 0)
        {
            throw FakeOdooException.User("The register payment wizard should only be called on account.move or account.move.line records.");
        }

        var moves = active.Select(m => m!.GetValue<long>()).ToList();
        var list = values as JsonArray ?? [values?.DeepClone()];
        var ids = list.Select(v =>
        {
            var wizard = (JsonObject)v!.DeepClone();
            wizard["line_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(moves.Select(m => JsonValue.Create(m)).ToArray<JsonNode?>())));
            wizard["journal_id"] ??= db.Ids("account.journal").First(j => db.Raw("account.journal", j)["type"]?.GetValue<string>() == "bank");
            wizard["amount"] ??= moves.Sum(m => Amount(db.Raw("account.move", m)["amount_residual"]));
            wizard["partner_id"] ??= db.Raw("account.move", moves[0])["partner_id"]?.DeepClone();
            wizard["payment_date"] ??= "2026-11-24";
            return JsonValue.Create(db.Create("account.payment.register", wizard));
        }).ToArray<JsonNode?>();
        return values is JsonArray ? new JsonArray(ids) : ids[0]!;
    }

    private JsonObject CreatePayments(IReadOnlyList<long> wizards)
    {
        long payment = 0;
        foreach (var wizardId in wizards)
        {
            var wizard = db.Raw("account.payment.register", wizardId);
            var moves = wizard["line_ids"]!.AsArray().Select(m => m!.GetValue<long>()).ToList();
            payment = db.Create("account.payment", new JsonObject
            {
                ["name"] = db.NextName("PBNK1/2026/", 5),
                ["amount"] = wizard["amount"]!.DeepClone(),
                ["journal_id"] = wizard["journal_id"]!.DeepClone(),
                ["partner_id"] = wizard["partner_id"]?.DeepClone(),
                ["state"] = "posted",
                ["memo"] = string.Join(" ", moves.Select(m => db.Raw("account.move", m)["name"]!.GetValue<string>())),
            });
            foreach (var move in moves)
            {
                db.Raw("account.move", move)["payment_state"] = "paid";
                db.Raw("account.move", move)["amount_residual"] = 0.0;
            }
        }

        return new JsonObject { ["name"] = "Payments", ["type"] = "ir.actions.act_window", ["res_model"] = "account.payment", ["context"] = new JsonObject { ["create"] = false }, ["view_mode"] = "form", ["res_id"] = payment };
    }

    private JsonNode? Post(IReadOnlyList<long> moves)
    {
        foreach (var moveId in moves)
        {
            var move = db.Raw("account.move", moveId);
            move["state"] = "posted";
            move["payment_state"] = "not_paid";
            move["name"] = db.NextName(move["move_type"]?.GetValue<string>() == "out_refund" ? "RINV/2026/" : "INV/2026/", 5);
        }

        // Odoo's action_post returns nothing; JSON-RPC answers result: null.
        return null;
    }

    private static JsonObject FieldsGet(FakeOdooModel model, JsonObject arguments)
    {
        var only = arguments["allfields"]?.AsArray().Select(f => f!.GetValue<string>()).ToHashSet();
        var attributes = arguments["attributes"]?.AsArray().Select(a => a!.GetValue<string>()).ToHashSet();
        var answer = new JsonObject();
        foreach (var field in model.Fields.Values.Where(f => only is null || only.Contains(f.Name)))
        {
            var description = new JsonObject { ["type"] = field.Type, ["string"] = field.Label, ["required"] = field.Required };
            if (field.Relation is not null)
            {
                description["relation"] = field.Relation;
            }

            foreach (var attribute in description.Select(a => a.Key).Where(a => attributes is not null && !attributes.Contains(a)).ToList())
            {
                description.Remove(attribute);
            }

            answer[field.Name] = description;
        }

        return answer;
    }

    private List<long> Existing(FakeOdooUser user, string model, IReadOnlyList<long>? ids)
    {
        var wanted = ids ?? [];
        var missing = wanted.Where(id => !db.Exists(model, id)).ToList();
        return missing.Count > 0 ? throw FakeOdooException.Missing(model, missing, user.Uid) : wanted.ToList();
    }

    private static IEnumerable<long> Page(IEnumerable<long> ids, JsonObject arguments)
    {
        var offset = arguments["offset"]?.GetValue<int>() ?? 0;
        var page = ids.Skip(offset);
        return arguments["limit"] is JsonValue limit && limit.GetValueKind() == JsonValueKind.Number ? page.Take(limit.GetValue<int>()) : page;
    }

    private static JsonArray? Domain(JsonObject arguments) => arguments["domain"]?.AsArray();

    private static List<string>? Fields(JsonObject arguments) =>
        arguments["fields"] is JsonArray fields ? fields.Select(f => f!.GetValue<string>()).ToList() : null;

    private static JsonArray Ids(IEnumerable<long> ids) => new(ids.Select(id => JsonValue.Create(id)).ToArray<JsonNode?>());

    private static decimal Amount(JsonNode? value) => value is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? FakeOdooDomain.Number(number) : 0m;

    private static void Require(FakeOdooUser user, FakeOdooModel model, string operation)
    {
        if (!user.May(model.Name, operation))
        {
            throw FakeOdooException.AccessError(model.Label, model.Name, operation);
        }
    }

    private static JsonNode Allowed(FakeOdooUser user, FakeOdooModel model, string operation, string[] keywords, JsonObject arguments, Func<JsonNode?> run)
    {
        Require(user, model, operation);
        return Keywords(arguments, keywords, run)!;
    }

    private static JsonNode Keywords(JsonObject arguments, string[] keywords, Func<JsonNode?> run)
    {
        CheckKeywords(arguments, keywords);
        return run()!;
    }

    // Python refuses a keyword argument the method does not declare; so does the fake.
    private static void CheckKeywords(JsonObject arguments, string[] keywords)
    {
        if (arguments.Select(a => a.Key).FirstOrDefault(key => !keywords.Contains(key)) is { } unexpected)
        {
            throw FakeOdooException.TypeError($"got an unexpected keyword argument '{unexpected}'");
        }
    }
}
