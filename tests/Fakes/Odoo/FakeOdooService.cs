using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// Odoo's model methods as the connector uses them, with their side effects (order totals, delivery on
/// confirmation, stock on validation, invoicing and payments) and their errors. One call at a time, as Odoo
/// serializes a record's writes. The business rules live in the Sales, Stock and Accounting parts.
/// </summary>
public sealed partial class FakeOdooService(FakeOdooDatabase db, TimeProvider? time = null)
{
    private static readonly string[] SharedProductFields = ["default_code", "barcode", "detailed_type", "type", "is_storable", "taxes_id"];
    private static readonly string[] RecordMethods = ["read", "write", "unlink", "action_confirm", "action_cancel", "button_validate", "action_post", "action_create_payments", "has_access", "create_returns", "action_create_returns", "action_apply_inventory"];
    private readonly Lock gate = new();

    public FakeOdooDatabase Database => db;

    /// <summary>The server's "today", for default dates and the year in document numbers.</summary>
    private DateOnly Today => DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    private string Now => (time ?? TimeProvider.System).GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

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
            if (method.StartsWith('_'))
            {
                throw new FakeOdooException("odoo.exceptions.AccessError", $"Private methods (such as {method}) cannot be called remotely.", HttpStatusCode.Forbidden);
            }

            return method switch
            {
                "search_read" => SearchRead(user, definition, arguments),
                "search" => Ids(Search(user, definition, arguments)),
                "search_count" => Allowed(user, definition, "read", ["domain"], arguments, () => JsonValue.Create(db.Search(model, Domain(arguments), null).Count())),
                // Odoo's read skips ids that do not exist (observed on 17), it raises no MissingError.
                "read" when model == "product.product" && Id(context["location"]) is { } location => Allowed(user, definition, "read", ["fields"], arguments,
                    () => ReadStockAt((ids ?? []).Where(id => db.Exists(model, id)).ToList(), location, Fields(arguments))),
                "read" => Allowed(user, definition, "read", ["fields"], arguments, () => new JsonArray((ids ?? []).Where(id => db.Exists(model, id)).Select(id => (JsonNode)db.Read(model, id, Fields(arguments))).ToArray())),
                "create" when model == "account.payment.register" => Allowed(user, definition, "create", ["vals_list"], arguments, () => CreatePaymentWizard(arguments["vals_list"], context)),
                "create" when model == "stock.return.picking" => Allowed(user, definition, "create", ["vals_list"], arguments, () => CreateReturnWizard(arguments["vals_list"], context)),
                "create" => Allowed(user, definition, "create", ["vals_list"], arguments, () => Create(definition, arguments["vals_list"])),
                "write" => Allowed(user, definition, "write", ["vals"], arguments, () => Write(user, model, ids, arguments["vals"]!.AsObject())),
                "unlink" => Allowed(user, definition, "unlink", [], arguments, () => Unlink(user, model, ids)),
                "name_search" => NameSearch(user, definition, arguments),
                "fields_get" => Allowed(user, definition, "read", ["allfields", "attributes"], arguments, () => FieldsGet(definition, arguments)),
                "check_access_rights" => CheckAccessRights(user, definition, arguments),
                "has_access" when db.Major >= 18 => Keywords(arguments, ["operation"], () => JsonValue.Create(user.May(model, arguments["operation"]!.GetValue<string>()))),
                "action_confirm" when model == "sale.order" => Allowed(user, definition, "write", [], arguments, () => Confirm(Existing(user, model, ids))),
                "action_cancel" when model == "sale.order" => Allowed(user, definition, "write", [], arguments, () => Cancel(Existing(user, model, ids), context)),
                "button_validate" when model == "stock.picking" => Allowed(user, definition, "write", [], arguments, () => Validate(Existing(user, model, ids), context)),
                "action_apply_inventory" when model == "stock.quant" => Allowed(user, definition, "write", [], arguments, () => ApplyInventory(Existing(user, model, ids))),
                "action_post" when model == "account.move" => Allowed(user, definition, "write", [], arguments, () => Post(Existing(user, model, ids))),
                "action_post" when model == "account.payment" => Allowed(user, definition, "write", [], arguments, () => PostPayments(Existing(user, model, ids))),
                "action_create_payments" when model == "account.payment.register" => Allowed(user, definition, "write", [], arguments, () => CreatePayments(Existing(user, model, ids), context)),
                // Odoo 18 renamed the return wizard's button method.
                "create_returns" when model == "stock.return.picking" && db.Major < 18 => Allowed(user, definition, "write", [], arguments, () => CreateReturns(Existing(user, model, ids), context)),
                "action_create_returns" when model == "stock.return.picking" && db.Major >= 18 => Allowed(user, definition, "write", [], arguments, () => CreateReturns(Existing(user, model, ids), context)),
                _ => throw FakeOdooException.UnknownMethod(model, method),
            };
        }
    }

    /// <summary>Reads the records under the same lock as the calls, for tests' assertions.</summary>
    public T Inspect<T>(Func<FakeOdooDatabase, T> read)
    {
        lock (gate)
        {
            return read(db);
        }
    }

    /// <summary>Writes a record as the client would, with its side effects (for tests' setup).</summary>
    public void WriteRecord(string model, long id, JsonObject values)
    {
        lock (gate)
        {
            db.Write(model, id, values);
            AfterChange(model, id);
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
                OrderDefaults(values);
                break;
            case "account.move":
                MoveDefaults(values);
                break;
            case "account.payment":
                PaymentDefaults(values);
                break;
            case "product.template" or "product.product":
                // New products get the company's default sales tax, as in Odoo.
                values["taxes_id"] ??= db.Exists("res.company", 1) && Id(db.Raw("res.company", 1)["account_sale_tax_id"]) is { } tax ? new JsonArray(tax) : null;
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
        if (model.Name == "sale.order.line" && State("sale.order", OrderOf(id)) == "sale")
        {
            LaunchDeliveries(OrderOf(id));
        }

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
            CheckWrite(model, id, values);
            db.Write(model, id, values);
            AfterWrite(model, id, values);
        }

        return JsonValue.Create(true);
    }

    // Odoo's business rules that refuse a write before anything changes.
    private void CheckWrite(string model, long id, JsonObject values)
    {
        switch (model)
        {
            case "sale.order" when values["order_line"] is JsonArray commands:
                CheckLineCommands(id, commands);
                break;
            case "sale.order.line":
                CheckLineWrite(id, values);
                break;
        }
    }

    private void AfterWrite(string model, long id, JsonObject values)
    {
        AfterChange(model, id);

        // Odoo launches procurement when a confirmed order's quantities change or lines are added to it.
        var quantitiesChanged = model switch
        {
            "sale.order" => values["order_line"] is JsonArray commands && commands.OfType<JsonArray>().Any(c => c[0]!.GetValue<int>() == 0 || (c[0]!.GetValue<int>() == 1 && c[2]?["product_uom_qty"] is not null)),
            "sale.order.line" => values.ContainsKey("product_uom_qty"),
            _ => false,
        };
        var order = model == "sale.order.line" ? OrderOf(id) : id;
        if (quantitiesChanged && State("sale.order", order) == "sale")
        {
            LaunchDeliveries(order);
        }
    }

    // Derived values Odoo keeps up to date: product variants, order and invoice totals, stock figures.
    private void AfterChange(string model, long id)
    {
        switch (model)
        {
            case "product.template" when !db.Ids("product.product").Any(p => db.Raw("product.product", p)["product_tmpl_id"]?.GetValue<long>() == id)
                                         && !CreateVariantsFromAttributeLines(id):
                var template = db.Raw(model, id);
                var variant = new JsonObject { ["product_tmpl_id"] = id, ["name"] = template["name"]?.DeepClone(), ["lst_price"] = template["list_price"]?.DeepClone() ?? 0 };
                foreach (var field in SharedProductFields.Where(f => template[f] is not null))
                {
                    variant[field] = template[field]!.DeepClone();
                }

                db.Create("product.product", variant);
                break;
            case "sale.order.line":
                ComputeOrder(OrderOf(id));
                break;
            case "sale.order":
                ComputeOrder(id);
                break;
            case "account.move.line":
                ComputeMove(db.Raw(model, id)["move_id"]!.GetValue<long>());
                break;
            case "account.move":
                ComputeMove(id);
                break;
            case "stock.quant":
                ComputeStock(db.Raw(model, id)["product_id"]!.GetValue<long>());
                break;
            case "stock.picking":
                ComputeTrackingUrl(id);
                break;
        }
    }

    private JsonValue Unlink(FakeOdooUser user, string model, IReadOnlyList<long>? ids)
    {
        foreach (var id in Existing(user, model, ids))
        {
            if (model == "sale.order" && db.Raw(model, id)["state"]?.GetValue<string>() is "sale")
            {
                throw FakeOdooException.User("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
            }

            if (model == "sale.order.line")
            {
                CheckLineUnlink(id);
            }

            var order = model == "sale.order.line" ? OrderOf(id) : 0;
            db.Unlink(model, id);
            if (order != 0)
            {
                ComputeOrder(order);
            }
        }

        return JsonValue.Create(true);
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

    private static long? Id(JsonNode? value) => value is JsonValue id && id.GetValueKind() == JsonValueKind.Number ? (long)FakeOdooDomain.Number(id) : null;

    private static List<long> IdList(JsonNode? value) => value is JsonArray list ? list.Select(i => i!.GetValue<long>()).ToList() : [];

    private static JsonArray IdArray(IEnumerable<long> ids) => new(ids.Select(i => JsonValue.Create(i)).ToArray<JsonNode?>());

    private string? State(string model, long id) => db.Raw(model, id)["state"]?.GetValue<string>();

    private string Text(string model, long id, string field) =>
        db.Raw(model, id)[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";

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
