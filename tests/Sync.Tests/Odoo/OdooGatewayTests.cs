using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Odoo;

/// <summary>Transport choice, error mapping and resilience, against the fake's versions and injected faults.</summary>
public class OdooGatewayTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> servers = [];
    private ServiceProvider services = default!;

    private OdooClientFactory Clients => services.GetRequiredService<OdooClientFactory>();

    public Task InitializeAsync()
    {
        services = OdooTestClients.Create();
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

    private async Task<(FakeOdooServer Server, OdooClient Client)> StartAsync(int major, OdooTransportKind transport = OdooTransportKind.Auto)
    {
        var server = await FakeOdooServer.StartAsync(major);
        servers.Add(server);
        return (server, Clients.Fresh(new OdooEndpoint(server.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey, transport)));
    }

    [Theory]
    [InlineData(16, OdooTransportKind.JsonRpc, "jsonrpc")]
    [InlineData(17, OdooTransportKind.JsonRpc, "jsonrpc")]
    [InlineData(18, OdooTransportKind.JsonRpc, "jsonrpc")]
    [InlineData(19, OdooTransportKind.Json2, "json2")]
    public async Task The_transport_follows_the_server_version(int major, OdooTransportKind expected, string wire)
    {
        var (server, client) = await StartAsync(major);

        var partners = await client.SearchReadAsync("res.partner", OdooDomain.Where("email", "=", "deco.addict82@example.com"), ["name"]);

        Assert.Equal(expected, await client.GetTransportAsync());
        Assert.Equal("Deco Addict", partners.Single()!.Text("name"));
        Assert.Contains(server.Calls, c => c is { Model: "res.partner", Method: "search_read" } && c.Transport == wire);
    }

    [Fact]
    public async Task JSON_RPC_can_be_forced_on_Odoo_19()
    {
        var (server, client) = await StartAsync(19, OdooTransportKind.JsonRpc);

        await client.SearchAsync("res.partner", OdooDomain.All, 1);

        Assert.Equal(OdooTransportKind.JsonRpc, await client.GetTransportAsync());
        Assert.DoesNotContain(server.Calls, c => c.Transport == "json2");
    }

    [Fact]
    public async Task A_server_older_than_16_is_refused_with_its_version_named()
    {
        var (_, client) = await StartAsync(15);

        var error = await Assert.ThrowsAsync<OdooException>(() => client.SearchAsync("res.partner", OdooDomain.All));

        Assert.Equal(OdooErrorKind.Protocol, error.Kind);
        Assert.Contains("15.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Odoo 16 or later", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    public async Task Each_version_gets_its_own_field_names_and_method_arguments(int major)
    {
        var (_, client) = await StartAsync(major);
        var profile = await client.GetProfileAsync();
        var product = profile.StorableProduct();
        product["name"] = "Versioned";
        product["default_code"] = $"V-{major}";
        var tax = (await client.SearchReadAsync("account.tax", OdooDomain.Where("name", "=", "TVA 20% TTC"), [profile.TaxPriceIncludeField])).Single()!;

        var templateId = (await client.CreateAsync("product.template", [product]))[0];
        var productId = (await client.SearchAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", templateId)))[0];
        var orderId = (await client.CreateAsync("sale.order", [new JsonObject
        {
            ["partner_id"] = 2,
            ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = productId, ["price_unit"] = 120.0, [profile.SaleLineTaxesField] = new JsonArray(new JsonArray(6, 0, new JsonArray(tax.Id()))) })),
        }]))[0];
        var found = await client.NameSearchAsync("res.partner", "Deco", OdooDomain.Where("is_company", "=", true));
        var (method, ids, arguments) = profile.AccessCheck("create");

        Assert.True(profile.IsPriceIncluded(tax[profile.TaxPriceIncludeField]));
        Assert.Equal(100m, (await client.ReadAsync("sale.order", [orderId], ["amount_untaxed"]))[0]!.Number("amount_untaxed"));
        Assert.Equal("Deco Addict", Assert.Single(found).Name);
        Assert.Equal("true", (await client.CallAsync("sale.order", method, ids, arguments))!.ToJsonString());
        Assert.Equal(major >= 19 ? "tax_ids" : "tax_id", profile.SaleLineTaxesField);
    }

    [Fact]
    public async Task JSON_2_errors_are_classified_by_their_status()
    {
        var (server, admin) = await StartAsync(19);
        var viewer = Clients.Fresh(new OdooEndpoint(server.Url, FakeOdooServer.DatabaseName, "viewer", FakeOdooSeed.ViewerApiKey));
        var badKey = Clients.Fresh(new OdooEndpoint(server.Url, FakeOdooServer.DatabaseName, "admin", "revoked-key"));

        var permission = await Assert.ThrowsAsync<OdooException>(() => viewer.SearchAsync("sale.order", OdooDomain.All));
        var validation = await Assert.ThrowsAsync<OdooException>(() => admin.CreateAsync("sale.order", [new JsonObject()]));
        var missing = await Assert.ThrowsAsync<OdooException>(() => admin.WriteAsync("res.partner", [999_999], new JsonObject { ["city"] = "x" }));
        var authentication = await Assert.ThrowsAsync<OdooException>(() => badKey.SearchAsync("res.partner", OdooDomain.All));

        Assert.Equal((OdooErrorKind.Permission, "odoo.exceptions.AccessError"), (permission.Kind, permission.OdooName));
        Assert.Equal(OdooErrorKind.Validation, validation.Kind);
        Assert.StartsWith("The operation cannot be completed", validation.Message, StringComparison.Ordinal);
        Assert.Equal(OdooErrorKind.Missing, missing.Kind);
        Assert.Equal(OdooErrorKind.Authentication, authentication.Kind);
    }

    [Fact]
    public async Task A_method_that_returns_nothing_answers_null_without_error()
    {
        var (_, client) = await StartAsync(17);
        var payment = (await client.CreateAsync("account.payment", [new JsonObject { ["partner_id"] = 2, ["amount"] = 10 }]))[0];

        var answer = await client.CallAsync("account.payment", "action_post", [payment]);

        Assert.Null(answer);
        Assert.Equal("posted", (await client.ReadAsync("account.payment", [payment], ["state"]))[0]!.Text("state"));
    }

    [Fact]
    public async Task Reads_are_retried_through_a_short_maintenance()
    {
        var (server, client) = await StartAsync(17);
        await client.GetProfileAsync();
        server.StartMaintenance(requests: 2);

        var partners = await client.SearchAsync("res.partner", OdooDomain.Where("email", "=", "deco.addict82@example.com"));

        Assert.Single(partners);
    }

    [Fact]
    public async Task A_long_maintenance_is_a_transient_error_that_says_so()
    {
        var (server, client) = await StartAsync(17);
        await client.GetProfileAsync();
        server.StartMaintenance(requests: 100);

        var error = await Assert.ThrowsAsync<OdooException>(() => client.SearchAsync("res.partner", OdooDomain.All));

        Assert.Equal(OdooErrorKind.Transient, error.Kind);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_is_never_resent_blindly_during_maintenance()
    {
        var (server, client) = await StartAsync(17);
        await client.AuthenticateAsync();
        server.StartMaintenance(requests: 1);

        var error = await Assert.ThrowsAsync<OdooException>(() => client.CreateAsync("res.partner", [new JsonObject { ["name"] = "Not twice" }]));

        Assert.Equal(OdooErrorKind.Transient, error.Kind);
        Assert.Equal(0, server.CountOf("res.partner", "create"));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_natural_key_not_made_twice()
    {
        var (server, client) = await StartAsync(17);
        var key = OdooDomain.Where("email", "=", "lost.answer@example.com");
        server.LoseAnswerOfNext("create");

        var id = await client.CreateOnceAsync("res.partner", key, new JsonObject { ["name"] = "Lost answer", ["email"] = "lost.answer@example.com" });

        Assert.Equal([id], await client.SearchAsync("res.partner", key));
        Assert.Equal(1, server.CountOf("res.partner", "create"));
    }

    [Fact]
    public async Task A_closed_port_is_a_transient_error_saying_the_connection_was_refused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = Clients.Fresh(new OdooEndpoint(new Uri($"http://127.0.0.1:{port}"), "db", "admin", "key"));

        var error = await Assert.ThrowsAsync<OdooException>(() => client.SearchAsync("res.partner", OdooDomain.All));

        Assert.Equal(OdooErrorKind.Transient, error.Kind);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_server_that_is_not_Odoo_is_named_as_such()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = builder.Build();
        site.Run(context => context.Response.WriteAsync("<html><body>Welcome to our shop</body></html>"));
        await site.StartAsync();
        servers.Add(site);
        var url = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = Clients.Fresh(new OdooEndpoint(new Uri(url), "db", "admin", "key"));

        var error = await Assert.ThrowsAsync<OdooException>(() => client.SearchAsync("res.partner", OdooDomain.All));

        Assert.Equal(OdooErrorKind.Protocol, error.Kind);
        Assert.Contains("did not answer like Odoo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_connection_explains_maintenance_and_a_too_old_server_in_plain_words()
    {
        var (maintained, _) = await StartAsync(17);
        var (old, _) = await StartAsync(15);
        var tester = services.GetRequiredService<Portal.Sync.Odoo.Connection.OdooConnectionTester>();
        maintained.StartMaintenance(requests: 100);

        var during = await tester.TestAsync(new OdooEndpoint(maintained.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey));
        var tooOld = await tester.TestAsync(new OdooEndpoint(old.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey));

        Assert.Equal((false, OdooErrorKind.Transient), (during.Succeeded, during.ProblemKind));
        Assert.Contains("maintenance", during.Problem, StringComparison.Ordinal);
        Assert.Equal((false, OdooErrorKind.Protocol), (tooOld.Succeeded, tooOld.ProblemKind));
        Assert.Contains("15.0", tooOld.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_carries_language_time_zone_and_company()
    {
        var (server, _) = await StartAsync(19);
        var client = Clients.Fresh(new OdooEndpoint(server.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey, Language: "fr_FR", TimeZone: "Europe/Paris", CompanyId: 1));

        await client.SearchAsync("res.partner", OdooDomain.All, 1);
        var seen = server.LastContext;

        Assert.Equal("fr_FR", seen!["lang"]!.GetValue<string>());
        Assert.Equal("Europe/Paris", seen["tz"]!.GetValue<string>());
        Assert.Equal("[1]", seen["allowed_company_ids"]!.ToJsonString());
    }
}
