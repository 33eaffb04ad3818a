using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;
using Portal.Sync.Tests.Odoo;

namespace Portal.Sync.Tests.Flows;

/// <summary>
/// The Odoo a flow test runs against: a fresh fake Odoo (ODOO_FAKE_VERSION, 17 by default), or the real Odoo of
/// ODOO_URL, ODOO_DB, ODOO_USER and ODOO_PASSWORD. What a test needs it makes itself under names unique to the
/// run (taxes, products, contacts), in the company of the login, so demo data and earlier runs do not matter.
/// The test's own reads and writes go through a client of their own, outside the portal's counted traffic.
/// </summary>
internal sealed class FlowOdoo : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    private FlowOdoo(ServiceProvider services, OdooEndpoint endpoint, FakeOdooServer? fake)
    {
        this.services = services;
        Endpoint = endpoint;
        Fake = fake;
        Client = services.GetRequiredService<OdooClientFactory>().Fresh(endpoint);
    }

    public FakeOdooServer? Fake { get; }

    public bool IsReal => Fake is null;

    public OdooEndpoint Endpoint { get; }

    /// <summary>The test's own client: set-up and assertions, never counted.</summary>
    public OdooClient Client { get; }

    public long CompanyId { get; private set; }

    public OdooVersionProfile Profile { get; private set; } = default!;

    public string TaxesField => Profile.SaleLineTaxesField;

    public string PaymentReferenceField => Profile.Version.Major >= 18 ? "memo" : "ref";

    public static async Task<FlowOdoo> StartAsync()
    {
        var services = OdooTestClients.Create(maxRetries: 0);
        FlowOdoo odoo;
        if (Environment.GetEnvironmentVariable("ODOO_URL") is { Length: > 0 } url)
        {
            odoo = new FlowOdoo(services, new OdooEndpoint(new Uri(url), Required("ODOO_DB"), Required("ODOO_USER"), Required("ODOO_PASSWORD")), null);
        }
        else
        {
            var major = int.TryParse(Environment.GetEnvironmentVariable("ODOO_FAKE_VERSION"), out var chosen) ? chosen : 17;
            var fake = await FakeOdooServer.StartAsync(major);
            odoo = new FlowOdoo(services, new OdooEndpoint(fake.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey), fake);
        }

        odoo.Profile = await odoo.Client.GetProfileAsync();
        var user = (await odoo.Client.SearchReadAsync("res.users", OdooDomain.Where("login", "=", odoo.Endpoint.Login), ["company_id"], 1)).Single()!;
        odoo.CompanyId = user.ManyToOneId("company_id")!.Value;
        return odoo;
    }

    /// <summary>A name no earlier run used.</summary>
    public string Unique(string what) => $"flow {what} {run}";

    public string Sku(string what) => $"FLOW-{what}-{run}".ToUpperInvariant();

    public async Task<long> TaxAsync(string name, decimal percent, bool included = false)
    {
        var values = new JsonObject
        {
            ["name"] = Unique(name),
            ["amount"] = percent,
            ["amount_type"] = "percent",
            ["type_tax_use"] = "sale",
            ["company_id"] = CompanyId,
        };
        values[Profile.TaxPriceIncludeField] = Profile.Version.Major >= 18 ? (included ? "tax_included" : "tax_excluded") : included;
        return (await Client.CreateAsync("account.tax", [values]))[0];
    }

    /// <summary>A storable product (or a service) whose internal reference is <paramref name="sku"/>.</summary>
    public async Task<long> ProductAsync(string sku, decimal price, bool storable = true)
    {
        var values = storable ? Profile.StorableProduct() : Profile.ServiceProduct();
        values["name"] = $"{sku} product";
        values["default_code"] = sku;
        values["list_price"] = price;
        values["taxes_id"] = new JsonArray(new JsonArray(6, 0, new JsonArray()));
        var template = (await Client.CreateAsync("product.template", [values]))[0];
        return (await Client.SearchAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", template)))[0];
    }

    /// <summary>A bank journal of the company, else a cash one: demo data has one of them at least (Odoo 19's company 1 only BNK1).</summary>
    public async Task<long> BankJournalAsync()
    {
        var journals = await Client.SearchAsync("account.journal",
            OdooDomain.Where("type", "in", new JsonArray("bank", "cash")).And(OdooDomain.Where("company_id", "=", CompanyId)), order: "type, id");
        return journals.Count > 0 ? journals[0] : throw new InvalidOperationException("The Odoo company has no bank or cash journal.");
    }

    /// <summary>A second journal for gift cards, kept across runs: found by its name, made once.</summary>
    public async Task<long> GiftCardJournalAsync()
    {
        const string name = "Portal flow tests: gift cards";
        var domain = OdooDomain.Where("name", "=", name).And(OdooDomain.Where("company_id", "=", CompanyId));
        var found = await Client.SearchAsync("account.journal", domain, 1);
        if (found.Count > 0)
        {
            return found[0];
        }

        return (await Client.CreateAsync("account.journal", [new JsonObject { ["name"] = name, ["code"] = "PFGC", ["type"] = "bank", ["company_id"] = CompanyId }]))[0];
    }

    public async Task<JsonNode> SaleOrderAsync(string origin) =>
        (await Client.SearchReadAsync("sale.order", OdooDomain.Where("origin", "=", origin),
            ["name", "state", "partner_id", "partner_invoice_id", "partner_shipping_id", "client_order_ref", "origin", "amount_untaxed", "amount_tax", "amount_total", "order_line", "company_id", "date_order"])).Single()!;

    public async Task<int> SaleOrderCountAsync(string origin) =>
        (await Client.SearchAsync("sale.order", OdooDomain.Where("origin", "=", origin))).Count;

    public async Task<IReadOnlyList<JsonNode>> SaleLinesAsync(long saleOrderId) =>
        (await Client.SearchReadAsync("sale.order.line", OdooDomain.Where("order_id", "=", saleOrderId),
            ["sequence", "product_id", "name", "product_uom_qty", "price_unit", "discount", TaxesField, "qty_delivered", "qty_invoiced", "is_delivery"], order: "sequence, id"))
        .OfType<JsonNode>().ToList();

    public async Task<IReadOnlyList<JsonNode>> MovesAsync(string moveType, string saleOrderName) =>
        (await Client.SearchReadAsync("account.move",
            OdooDomain.Where("move_type", "=", moveType).And(OdooDomain.Where("invoice_origin", "=", saleOrderName)),
            ["name", "state", "ref", "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "payment_state", "reversed_entry_id", "partner_id"], order: "id"))
        .OfType<JsonNode>().ToList();

    public async Task<IReadOnlyList<JsonNode>> PaymentsAsync(string referencePrefix) =>
        (await Client.SearchReadAsync("account.payment", OdooDomain.Where(PaymentReferenceField, "=like", referencePrefix + "%"),
            ["amount", "payment_type", "journal_id", PaymentReferenceField, "state", "partner_id"], order: "id"))
        .OfType<JsonNode>().ToList();

    public async Task<IReadOnlyList<JsonNode>> PickingsAsync(long saleOrderId) =>
        (await Client.SearchReadAsync("stock.picking", OdooDomain.Where("sale_id", "=", saleOrderId), ["name", "state", "picking_type_code", "move_ids"], order: "id"))
        .OfType<JsonNode>().ToList();

    /// <summary>Validates the sale order's open delivery for everything it asks (quantities set by hand: the test's products have no stock).</summary>
    public async Task DeliverAsync(long saleOrderId)
    {
        var picking = (await Client.SearchAsync("stock.picking",
            OdooDomain.Where("sale_id", "=", saleOrderId).And(OdooDomain.Where("picking_type_code", "=", "outgoing")).And(OdooDomain.Where("state", "not in", new JsonArray("done", "cancel")))))[0];
        foreach (var move in await Client.ReadAsync("stock.move", await Client.SearchAsync("stock.move", OdooDomain.Where("picking_id", "=", picking)), ["product_uom_qty"]))
        {
            await Client.WriteAsync("stock.move", [move!.Id()], new JsonObject { ["quantity"] = move!.Number("product_uom_qty"), ["picked"] = true });
        }

        // stock_sms asks whether to text the customer (confirm.stock.sms) when the contact has a phone, unless told to skip.
        var answer = await Client.CallAsync("stock.picking", "button_validate", [picking], context: new JsonObject { ["skip_sms"] = true });
        var state = (await Client.ReadAsync("stock.picking", [picking], ["state"])).Single()!.Text("state");
        Assert.True(state == "done", $"The delivery is {state} after button_validate answered {answer?.ToJsonString()}.");
    }

    /// <summary>The company's tax rounding ("round_per_line", "round_globally").</summary>
    public async Task<string> TaxRoundingAsync() =>
        (await Client.ReadAsync("res.company", [CompanyId], ["tax_calculation_rounding_method"])).Single()!.Text("tax_calculation_rounding_method")!;

    public Task SetTaxRoundingAsync(string method) =>
        Client.WriteAsync("res.company", [CompanyId], new JsonObject { ["tax_calculation_rounding_method"] = method });

    /// <summary>
    /// A real database keeps what earlier runs made: their sale orders, payments and credit notes under the same
    /// origin (a fake store's port and ids repeat) are renamed, so this run's flows do not find them.
    /// </summary>
    public async Task ForgetEarlierRunsAsync(string origin)
    {
        if (!IsReal)
        {
            return;
        }

        var stale = $"stale {Guid.NewGuid():N} ";
        foreach (var order in await Client.SearchReadAsync("sale.order", OdooDomain.Where("origin", "=like", origin + "%"), ["origin"]))
        {
            await Client.WriteAsync("sale.order", [order!.Id()], new JsonObject { ["origin"] = stale + order!.Text("origin") });
        }

        foreach (var payment in await Client.SearchReadAsync("account.payment", OdooDomain.Where(PaymentReferenceField, "=like", origin + "/%"), [PaymentReferenceField]))
        {
            await Client.WriteAsync("account.payment", [payment!.Id()], new JsonObject { [PaymentReferenceField] = stale + payment!.Text(PaymentReferenceField) });
        }

        foreach (var move in await Client.SearchReadAsync("account.move", OdooDomain.Where("ref", "=like", origin + " refund %"), ["ref"]))
        {
            await Client.WriteAsync("account.move", [move!.Id()], new JsonObject { ["ref"] = stale + move!.Text("ref") });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"ODOO_URL is set, so {name} must be set too.");
}
