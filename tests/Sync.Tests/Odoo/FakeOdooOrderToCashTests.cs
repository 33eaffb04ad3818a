using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Odoo;

/// <summary>
/// The fake Odoo's order-to-cash behaviour where it cannot be checked on the real Odoo 17 the contract tests
/// use: the fields of 18 and 19, global tax rounding, lost answers, and the hooks end-to-end tests read.
/// </summary>
public class FakeOdooOrderToCashTests : IAsyncLifetime
{
    private readonly List<FakeOdooServer> servers = [];
    private ServiceProvider services = default!;

    public Task InitializeAsync()
    {
        services = OdooTestClients.Create(maxRetries: 0);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }

    private async Task<(FakeOdooServer Server, OdooClient Client)> StartAsync(int major)
    {
        var server = await FakeOdooServer.StartAsync(major);
        servers.Add(server);
        return (server, services.GetRequiredService<OdooClientFactory>().Fresh(new OdooEndpoint(server.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey)));
    }

    private static JsonArray Set(params long[] ids) => new(new JsonArray(6, 0, new JsonArray(ids.Select(i => JsonValue.Create(i)).ToArray<JsonNode?>())));

    private static async Task<long> ProductAsync(OdooClient client, string sku) =>
        (await client.SearchAsync("product.product", OdooDomain.Where("default_code", "=", sku)))[0];

    private static async Task<long> TaxAsync(OdooClient client, string name) =>
        (await client.SearchAsync("account.tax", OdooDomain.Where("name", "=", name)))[0];

    private static async Task<long> OrderAsync(OdooClient client, string origin, params (string Sku, decimal Quantity, decimal Price, string Tax)[] lines)
    {
        var taxes = (await client.GetProfileAsync()).SaleLineTaxesField;
        var values = new JsonObject { ["partner_id"] = 2, ["origin"] = origin, ["order_line"] = new JsonArray() };
        foreach (var (sku, quantity, price, tax) in lines)
        {
            values["order_line"]!.AsArray().Add(new JsonArray(0, 0, new JsonObject
            {
                ["product_id"] = await ProductAsync(client, sku),
                ["product_uom_qty"] = quantity,
                ["price_unit"] = price,
                [taxes] = Set(await TaxAsync(client, tax)),
            }));
        }

        return (await client.CreateAsync("sale.order", [values]))[0];
    }

    [Theory]
    [InlineData(17, "tax_id", "product_uom", "ref", "create_returns", "posted")]
    [InlineData(18, "tax_id", "product_uom", "memo", "action_create_returns", "in_process")]
    [InlineData(19, "tax_ids", "product_uom_id", "memo", "action_create_returns", "in_process")]
    public async Task The_fields_and_methods_that_differ_by_version_are_the_versions(int major, string lineTaxes, string lineUnit, string paymentReference, string returnMethod, string postedPayment)
    {
        var (server, client) = await StartAsync(major);

        var lineFields = await client.FieldsGetAsync("sale.order.line");
        var paymentFields = await client.FieldsGetAsync("account.payment");
        var order = await OrderAsync(client, "version order", ("E-COM07", 1, 320, "15%"));
        await client.CallAsync("sale.order", "action_confirm", [order]);
        var delivery = server.Records.SaleOrder(order).Pickings.Single();
        await client.CallAsync("stock.picking", "button_validate", [delivery.Id]);
        var context = new JsonObject { ["active_id"] = delivery.Id, ["active_model"] = "stock.picking" };
        var wizard = (await client.CreateAsync("stock.return.picking", [new JsonObject()], context))[0];
        var otherMethod = returnMethod == "create_returns" ? "action_create_returns" : "create_returns";
        var unknown = await Assert.ThrowsAsync<OdooException>(() => client.CallAsync("stock.return.picking", otherMethod, [wizard], context: context));
        await client.CallAsync("stock.return.picking", returnMethod, [wizard], context: context);
        var payment = (await client.CreateAsync("account.payment", [new JsonObject { ["partner_id"] = 2, ["amount"] = 5, [paymentReference] = "REF-1" }]))[0];
        await client.CallAsync("account.payment", "action_post", [payment]);

        Assert.Equal("account.tax", lineFields[lineTaxes]!["relation"]!.GetValue<string>());
        Assert.Equal("uom.uom", lineFields[lineUnit]!["relation"]!.GetValue<string>());
        Assert.True(paymentFields.ContainsKey(paymentReference));
        Assert.False(paymentFields.ContainsKey(paymentReference == "ref" ? "memo" : "ref"));
        Assert.Equal(OdooErrorKind.Missing, unknown.Kind);
        Assert.Equal([1m], server.Records.SaleOrder(order).Pickings.Where(p => p.TypeCode == "incoming").SelectMany(p => p.Moves).Select(m => m.Demand));
        Assert.Equal((postedPayment, "REF-1"), (server.Records.Payments().Single().State, server.Records.Payments().Single().Reference));
    }

    [Fact]
    public async Task Global_rounding_sums_each_tax_before_rounding_and_per_line_rounding_is_the_default()
    {
        var (server, client) = await StartAsync(17);
        (string, decimal, decimal, string)[] lines = [("MUG-001", 1, 1.05m, "15%"), ("MUG-001", 1, 1.05m, "15%"), ("MUG-001", 1, 1.05m, "15%")];

        var perLine = await OrderAsync(client, "per line", lines);
        server.UseTaxRounding("round_globally");
        var globally = await OrderAsync(client, "globally", lines);

        Assert.Equal((3.15m, 0.48m, 3.63m), (server.Records.SaleOrder(perLine).AmountUntaxed, server.Records.SaleOrder(perLine).AmountTax, server.Records.SaleOrder(perLine).AmountTotal));
        Assert.Equal((3.15m, 0.47m, 3.62m), (server.Records.SaleOrder(globally).AmountUntaxed, server.Records.SaleOrder(globally).AmountTax, server.Records.SaleOrder(globally).AmountTotal));
        Assert.All(server.Records.SaleOrder(globally).Lines, l => Assert.Equal(0.16m, l.Tax));
    }

    [Fact]
    public async Task A_price_included_tax_is_inside_the_price_on_18_with_price_include_override()
    {
        var (server, client) = await StartAsync(18);

        var order = await OrderAsync(client, "included", ("TSHIRT-BLUE-M", 3, 1.09m, "TVA 20% TTC"));

        var read = server.Records.SaleOrder(order);
        Assert.Equal((2.73m, 0.54m, 3.27m), (read.AmountUntaxed, read.AmountTax, read.AmountTotal));
    }

    [Theory]
    [InlineData(FakeOdooFault.ConnectionReset)]
    [InlineData(FakeOdooFault.ServiceUnavailable)]
    [InlineData(FakeOdooFault.GatewayTimeout)]
    public async Task An_order_whose_create_answer_was_lost_exists_and_is_found_by_its_origin(FakeOdooFault fault)
    {
        var (server, client) = await StartAsync(17);
        server.LoseAnswers("sale.order", "create", fault: fault);
        var key = OdooDomain.Where("origin", "=", "#1001");

        var id = await client.CreateOnceAsync("sale.order", key, new JsonObject { ["partner_id"] = 2, ["origin"] = "#1001" });

        Assert.Equal(id, server.Records.SaleOrderByOrigin("#1001")!.Id);
        Assert.Single(server.Records.SaleOrders(), o => o.Origin == "#1001");
        Assert.Equal(1, server.CountOf("sale.order", "create"));
    }

    [Fact]
    public async Task Lost_answers_hit_only_the_named_model_and_method_the_given_number_of_times()
    {
        var (server, client) = await StartAsync(19);
        await client.GetProfileAsync();
        server.LoseAnswers("res.partner", "create", times: 2, FakeOdooFault.ConnectionReset);

        var first = await Assert.ThrowsAsync<OdooException>(() => client.CreateAsync("res.partner", [new JsonObject { ["name"] = "Lost 1" }]));
        var second = await Assert.ThrowsAsync<OdooException>(() => client.CreateAsync("res.partner", [new JsonObject { ["name"] = "Lost 2" }]));
        await client.CreateAsync("sale.order", [new JsonObject { ["partner_id"] = 2 }]);
        await client.CreateAsync("res.partner", [new JsonObject { ["name"] = "Answered" }]);

        Assert.Equal((OdooErrorKind.Transient, OdooErrorKind.Transient), (first.Kind, second.Kind));
        Assert.Equal(3, server.Records.Partners().Count(p => p.Name is "Lost 1" or "Lost 2" or "Answered"));
    }

    [Fact]
    public async Task An_order_to_cash_run_is_read_back_whole_and_its_round_trips_counted()
    {
        var (server, client) = await StartAsync(17);
        await client.GetProfileAsync();
        server.ClearCalls();
        var order = await OrderAsync(client, "shop #42", ("FURN_7777", 2, 70, "15%"), ("TIP", 1, 5, "0%"));
        await client.CallAsync("sale.order", "action_confirm", [order]);
        var line = server.Records.SaleOrder(order).Lines[0];
        var invoice = (await client.CreateAsync("account.move", [new JsonObject
        {
            ["move_type"] = "out_invoice",
            ["partner_id"] = 2,
            ["invoice_line_ids"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = line.ProductId, ["quantity"] = 2, ["price_unit"] = 70, ["sale_line_ids"] = Set(line.Id) })),
        }]))[0];
        await client.CallAsync("account.move", "action_post", [invoice]);
        var shopifyPayments = (await client.SearchAsync("account.journal", OdooDomain.Where("name", "=", "Shopify Payments")))[0];
        var context = new JsonObject { ["active_model"] = "account.move", ["active_ids"] = new JsonArray(invoice) };
        var wizard = (await client.CreateAsync("account.payment.register", [new JsonObject { ["journal_id"] = shopifyPayments, ["communication"] = "shop #42 payment" }], context))[0];
        await client.CallAsync("account.payment.register", "action_create_payments", [wizard], context: context);

        var read = server.Records.SaleOrderByOrigin("shop #42")!;
        Assert.Equal(("sale", 145m, 21m, 166m), (read.State, read.AmountUntaxed, read.AmountTax, read.AmountTotal));
        Assert.Equal(["FURN_7777", "TIP"], read.Lines.Select(l => l.Sku));
        Assert.Equal((2m, 0m), (read.Lines[0].QtyInvoiced, read.Lines[1].QtyInvoiced));
        // The invoice line was sent without taxes, so it took the product's (15%).
        Assert.Equal((161m, "paid"), (read.Invoices.Single().AmountTotal, read.Invoices.Single().PaymentState));
        Assert.Equal(("Shopify Payments", "shop #42 payment", 161m), (read.Payments.Single().JournalName, read.Payments.Single().Reference, read.Payments.Single().Amount));
        Assert.Equal(("outgoing", 2m), (read.Pickings.Single().TypeCode, read.Pickings.Single().Moves.Single().Demand));
        // Four lookups (two products, two taxes) and seven calls that do the work.
        Assert.Equal(11, server.ModelCallCount);
        Assert.Equal(1, server.CountOf("sale.order", "create"));
    }
}
