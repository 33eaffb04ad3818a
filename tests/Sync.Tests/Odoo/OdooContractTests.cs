using System.Text.Json.Nodes;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;

namespace Portal.Sync.Tests.Odoo;

/// <summary>
/// What the connector relies on Odoo to do, asserted the same way against the fake and a real Odoo
/// (set ODOO_URL, ODOO_DB, ODOO_USER, ODOO_PASSWORD; see the README).
/// </summary>
[Trait("Category", "OdooContract")]
public class OdooContractTests(OdooContractTarget target) : IClassFixture<OdooContractTarget>
{
    private OdooClient Odoo => target.AdminClient;

    [Fact]
    public async Task The_server_version_is_read_and_supported()
    {
        var profile = await Odoo.GetProfileAsync();

        Assert.InRange(profile.Version.Major, OdooVersion.OldestSupported, 99);
        Assert.StartsWith($"{profile.Version.Major}.", profile.Version.ServerVersion, StringComparison.Ordinal);
        var expected = target.Admin.Transport == OdooTransportKind.Auto ? profile.PreferredTransport : target.Admin.Transport;
        Assert.Equal(expected, await Odoo.GetTransportAsync());
    }

    [Fact]
    public async Task Search_read_returns_many2one_values_as_id_and_name()
    {
        var states = await Odoo.SearchReadAsync("res.country.state", OdooDomain.Where("country_id.code", "=", "US"), ["name", "code", "country_id"], limit: 2, order: "name");

        Assert.Equal(2, states.Count);
        Assert.All(states, state =>
        {
            Assert.NotNull(state!.ManyToOneId("country_id"));
            Assert.Equal("United States", state!.ManyToOneName("country_id"));
        });
        Assert.True(string.CompareOrdinal(states[0]!.Text("name"), states[1]!.Text("name")) <= 0);
    }

    [Fact]
    public async Task Many_records_are_created_in_one_call_then_read_written_and_deleted()
    {
        var names = new[] { target.Unique("partner one"), target.Unique("partner two") };
        var ids = await Odoo.CreateAsync("res.partner", names.Select(n => new JsonObject { ["name"] = n, ["email"] = $"{n.Replace(' ', '.')}@example.com" }).ToList());

        Assert.Equal(2, ids.Count);
        var read = await Odoo.ReadAsync("res.partner", ids, ["name", "email"]);
        Assert.Equal(names, read.Select(r => r!.Text("name")));

        await Odoo.WriteAsync("res.partner", [ids[0]], new JsonObject { ["phone"] = "+1 555 0100" });
        Assert.Equal("+1 555 0100", (await Odoo.ReadAsync("res.partner", [ids[0]], ["phone"]))[0]!.Text("phone"));

        await Odoo.UnlinkAsync("res.partner", ids);
        Assert.Empty(await Odoo.SearchAsync("res.partner", OdooDomain.In("id", ids)));
    }

    [Fact]
    public async Task Domains_combine_with_or_and_not()
    {
        var alpha = target.Unique("alpha");
        var beta = target.Unique("beta");
        var ids = await Odoo.CreateAsync("res.partner", [new JsonObject { ["name"] = alpha, ["city"] = "Lyon" }, new JsonObject { ["name"] = beta, ["city"] = "Oslo" }]);

        var either = await Odoo.SearchAsync("res.partner", OdooDomain.Where("name", "=", alpha).Or(OdooDomain.Where("name", "=", beta)));
        var notLyon = await Odoo.SearchAsync("res.partner", OdooDomain.In("id", ids).And(OdooDomain.Not(OdooDomain.Where("city", "=", "Lyon"))));
        var like = await Odoo.SearchAsync("res.partner", OdooDomain.Where("name", "ilike", alpha.ToUpperInvariant()));

        Assert.Equal(ids.Order(), either.Order());
        Assert.Equal([ids[1]], notLyon);
        Assert.Equal([ids[0]], like);
    }

    [Fact]
    public async Task Create_once_never_makes_a_second_record_for_the_same_natural_key()
    {
        var email = $"{target.Unique("once").Replace(' ', '.')}@example.com";
        var values = new JsonObject { ["name"] = target.Unique("once"), ["email"] = email };

        var first = await Odoo.CreateOnceAsync("res.partner", OdooDomain.Where("email", "=", email), values);
        var second = await Odoo.CreateOnceAsync("res.partner", OdooDomain.Where("email", "=", email), values);

        Assert.Equal(first, second);
        Assert.Single(await Odoo.SearchAsync("res.partner", OdooDomain.Where("email", "=", email)));
    }

    [Fact]
    public async Task A_storable_product_made_with_the_version_profile_is_storable()
    {
        var profile = await Odoo.GetProfileAsync();
        var code = target.Unique("sku").Replace(' ', '-');
        var values = profile.StorableProduct();
        values["name"] = target.Unique("storable");
        values["default_code"] = code;

        var templateId = (await Odoo.CreateAsync("product.template", [values]))[0];

        var variant = (await Odoo.SearchReadAsync("product.product", OdooDomain.Where("default_code", "=", code), ["product_tmpl_id", .. profile.StorableProduct().Select(f => f.Key)])).Single()!;
        Assert.Equal(templateId, variant.ManyToOneId("product_tmpl_id"));
        foreach (var (field, expected) in profile.StorableProduct())
        {
            Assert.Equal(expected!.ToJsonString(), variant[field]!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_sale_order_with_line_commands_is_confirmed_and_gets_a_delivery()
    {
        var profile = await Odoo.GetProfileAsync();
        var storable = profile.StorableProduct();
        storable["name"] = target.Unique("order product");
        storable["list_price"] = 12.5;
        var templateId = (await Odoo.CreateAsync("product.template", [storable]))[0];
        var productId = (await Odoo.SearchAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", templateId)))[0];
        var partnerId = (await Odoo.CreateAsync("res.partner", [new JsonObject { ["name"] = target.Unique("customer") }]))[0];
        var reference = target.Unique("order");

        var orderId = (await Odoo.CreateAsync("sale.order", [new JsonObject
        {
            ["partner_id"] = partnerId,
            ["client_order_ref"] = reference,
            ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = productId, ["product_uom_qty"] = 2, ["price_unit"] = 12.5 })),
        }]))[0];
        await Odoo.CallAsync("sale.order", "action_confirm", [orderId]);

        var order = (await Odoo.ReadAsync("sale.order", [orderId], ["state", "client_order_ref", "amount_untaxed", "order_line", "picking_ids"])).Single()!;
        Assert.Equal("sale", order.Text("state"));
        Assert.Equal(reference, order.Text("client_order_ref"));
        Assert.Equal(25m, order.Number("amount_untaxed"));
        Assert.Single(order.Ids("order_line"));
        var picking = (await Odoo.ReadAsync("stock.picking", order.Ids("picking_ids"), ["picking_type_code", "state"])).Single()!;
        Assert.Equal("outgoing", picking.Text("picking_type_code"));
    }

    [Fact]
    public async Task A_posted_invoice_is_paid_through_the_payment_register_wizard()
    {
        var partnerId = (await Odoo.CreateAsync("res.partner", [new JsonObject { ["name"] = target.Unique("payer") }]))[0];
        var invoiceId = (await Odoo.CreateAsync("account.move", [new JsonObject
        {
            ["move_type"] = "out_invoice",
            ["partner_id"] = partnerId,
            ["invoice_line_ids"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["name"] = target.Unique("service"), ["quantity"] = 1, ["price_unit"] = 100 })),
        }]))[0];
        await Odoo.CallAsync("account.move", "action_post", [invoiceId]);
        var bank = (await Odoo.SearchAsync("account.journal", OdooDomain.Where("type", "=", "bank"), 1))[0];
        var context = new JsonObject { ["active_model"] = "account.move", ["active_ids"] = new JsonArray(invoiceId) };

        var wizardId = (await Odoo.CreateAsync("account.payment.register", [new JsonObject { ["journal_id"] = bank }], context))[0];
        Assert.Equal(100m, (await Odoo.CallAsync("account.payment.register", "read", [wizardId], new JsonObject { ["fields"] = new JsonArray("amount") }, context))![0]!.Number("amount"));
        var action = await Odoo.CallAsync("account.payment.register", "action_create_payments", [wizardId], context: context);

        Assert.Equal("account.payment", action!["res_model"]!.GetValue<string>());
        var invoice = (await Odoo.ReadAsync("account.move", [invoiceId], ["state", "payment_state"])).Single()!;
        Assert.Equal("posted", invoice.Text("state"));
        Assert.True(invoice.Text("payment_state") is "paid" or "in_payment", invoice.Text("payment_state"));
    }

    [Fact]
    public async Task Name_search_uses_the_versions_domain_argument()
    {
        var name = target.Unique("searchable");
        var ids = await Odoo.CreateAsync("res.partner", [new JsonObject { ["name"] = name, ["is_company"] = true }, new JsonObject { ["name"] = name + " person", ["is_company"] = false }]);

        var found = await Odoo.NameSearchAsync("res.partner", name, OdooDomain.Where("is_company", "=", true));

        Assert.Equal([(ids[0], name)], found);
    }

    [Fact]
    public async Task Fields_get_describes_relations()
    {
        var fields = await Odoo.FieldsGetAsync("sale.order.line");
        var profile = await Odoo.GetProfileAsync();

        Assert.Equal("many2one", fields["product_id"]!["type"]!.GetValue<string>());
        Assert.Equal("account.tax", fields[profile.SaleLineTaxesField]!["relation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_mandatory_field_is_a_validation_error_with_Odoos_message()
    {
        var error = await Assert.ThrowsAsync<OdooException>(() => Odoo.CreateAsync("sale.order", [new JsonObject { ["client_order_ref"] = target.Unique("no customer") }]));

        Assert.Equal(OdooErrorKind.Validation, error.Kind);
        Assert.Equal("odoo.exceptions.ValidationError", error.OdooName);
        Assert.Contains("a mandatory field is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("partner_id", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Debug);
    }

    [Fact]
    public async Task Writing_a_deleted_record_is_a_missing_error()
    {
        var id = (await Odoo.CreateAsync("res.partner", [new JsonObject { ["name"] = target.Unique("deleted") }]))[0];
        await Odoo.UnlinkAsync("res.partner", [id]);

        var error = await Assert.ThrowsAsync<OdooException>(() => Odoo.WriteAsync("res.partner", [id], new JsonObject { ["city"] = "Nowhere" }));

        Assert.Equal(OdooErrorKind.Missing, error.Kind);
        Assert.Equal("odoo.exceptions.MissingError", error.OdooName);
    }

    [Fact]
    public async Task A_model_that_does_not_exist_is_a_missing_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<OdooException>(() => Odoo.SearchAsync("x_no_such.model", OdooDomain.All));

        Assert.Equal(OdooErrorKind.Missing, error.Kind);
        Assert.Contains("x_no_such.model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error()
    {
        var wrong = target.Clients.Fresh(target.Admin with { Secret = "not-the-key" });

        var error = await Assert.ThrowsAsync<OdooException>(() => wrong.SearchAsync("res.partner", OdooDomain.All, 1));

        Assert.Equal(OdooErrorKind.Authentication, error.Kind);
        Assert.Contains("API key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_database_is_named_in_the_error()
    {
        var wrong = target.Clients.Fresh(target.Admin with { Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..6] });

        var error = await Assert.ThrowsAsync<OdooException>(() => wrong.SearchAsync("res.partner", OdooDomain.All, 1));

        Assert.Equal(OdooErrorKind.Authentication, error.Kind);
        Assert.Contains("no such database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_sales_rights_gets_a_permission_error_naming_the_model()
    {
        var restricted = target.Clients.Fresh(await target.RestrictedUserAsync());

        var error = await Assert.ThrowsAsync<OdooException>(() => restricted.SearchReadAsync("sale.order", OdooDomain.All, ["name"], 1));

        Assert.Equal(OdooErrorKind.Permission, error.Kind);
        Assert.Equal("odoo.exceptions.AccessError", error.OdooName);
        Assert.Contains("sale.order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_connection_reports_version_companies_and_every_needed_right()
    {
        var report = await new OdooConnectionTester(target.Clients).TestAsync(target.Admin);

        Assert.True(report.Succeeded, report.Problem);
        Assert.NotEmpty(report.Companies);
        Assert.Equal(OdooRequirements.Models.Sum(m => m.Operations.Length), report.Permissions.Count);
        Assert.Empty(report.Missing);
        Assert.True(report.Edition is "Community" or "Enterprise", report.Edition);
    }

    [Fact]
    public async Task Test_connection_lists_what_a_user_without_sales_rights_lacks()
    {
        var report = await new OdooConnectionTester(target.Clients).TestAsync(await target.RestrictedUserAsync());

        Assert.False(report.Succeeded);
        Assert.True(report.ProblemKind == OdooErrorKind.Permission, report.Problem);
        Assert.Contains(report.Missing, p => p is { Model: "sale.order", Operation: "create" });
        Assert.Contains(report.Permissions, p => p is { Model: "res.partner", Operation: "read", Allowed: true });
    }
}
