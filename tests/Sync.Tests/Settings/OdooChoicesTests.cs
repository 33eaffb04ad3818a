using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;

namespace Portal.Sync.Tests.Settings;

public class OdooChoicesTests : IAsyncLifetime
{
    private SettingsTestBed bed = default!;

    public async Task InitializeAsync() => bed = await SettingsTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private async Task ConnectAsync(FakeOdooServer odoo, string apiKey = FakeOdooSeed.AdminApiKey) =>
        await bed.Service<OdooConnectionService>(bed.Alpha, TenantRole.Owner).SaveAsync(new OdooConnectionForm
        {
            Url = odoo.Url.ToString(),
            Database = FakeOdooServer.DatabaseName,
            Login = "admin",
            NewApiKey = apiKey,
            Transport = OdooTransportKind.JsonRpc,
        });

    private OdooChoices Choices() => bed.Service<OdooChoices>(bed.Alpha, TenantRole.Viewer);

    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    public async Task Sale_taxes_say_whether_prices_include_them_in_each_versions_field(int major)
    {
        await using var odoo = await FakeOdooServer.StartAsync(major);
        await ConnectAsync(odoo);

        var taxes = await Choices().SaleTaxesAsync();

        Assert.Equal(
            [("0%", 0m, false, null, null), ("15%", 15m, false, null, null), ("TVA 20% TTC", 20m, true, "France", "FR"), ("TVA 5.5% TTC", 5.5m, true, "France", "FR"), ("Tax 10%", 10m, false, null, null), ("Tax 5%", 5m, false, null, null)],
            taxes.Select(t => (t.Name, t.Amount, t.PriceIncluded, t.Country, t.CountryCode)));
        Assert.Contains(odoo.Calls, c => c.Model == "account.tax" && c.Method == "search_read");
    }

    [Fact]
    public async Task Journals_are_the_bank_and_cash_ones_and_locations_the_internal_ones()
    {
        await using var odoo = await FakeOdooServer.StartAsync(18);
        await ConnectAsync(odoo);
        var choices = Choices();

        Assert.Equal(["Bank", "Cash", "Gift Card", "PayPal", "Shopify Payments"], (await choices.PaymentJournalsAsync()).Select(j => j.Name));
        Assert.Equal(["WH/Stock"], (await choices.InternalLocationsAsync()).Select(l => l.Name));
        Assert.Equal(["San Francisco"], (await choices.WarehousesAsync(1)).Select(w => w.Name));
        Assert.Empty(await choices.WarehousesAsync(2));
        Assert.Equal(["Sales", "Website"], (await choices.SalesTeamsAsync()).Select(t => t.Name));
        Assert.Equal(["Express delivery", "Standard delivery"], (await choices.CarriersAsync()).Select(c => c.Name));
        Assert.Equal(["My Company (San Francisco)"], (await choices.CompaniesAsync()).Select(c => c.Name));
        Assert.Equal(["Default EUR pricelist", "Default USD pricelist"], (await choices.PricelistsAsync()).Select(p => p.Name));
        Assert.Equal(["Export (outside the US)", "Intra-EU B2B"], (await choices.FiscalPositionsAsync()).Select(p => p.Name));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(19)]
    public async Task Products_are_found_by_sku_and_service_products_only_among_services(int major)
    {
        await using var odoo = await FakeOdooServer.StartAsync(major);
        await ConnectAsync(odoo);
        var choices = Choices();

        var bySku = Assert.Single(await choices.SearchProductsAsync("FURN_7777"));
        var services = await choices.SearchServiceProductsAsync("deliv");
        var noStorable = await choices.SearchServiceProductsAsync("Cabinet");
        var customers = await choices.SearchCustomersAsync("deco");

        Assert.Equal("[FURN_7777] Office Chair", bySku.Name);
        Assert.Equal(["[Delivery_007] Standard delivery", "[Delivery_EXP] Express delivery"], services.Select(s => s.Name));
        Assert.Empty(noStorable);
        Assert.Equal(["Deco Addict"], customers.Select(c => c.Name));
        Assert.Equal([(bySku.Id, "Office Chair")], (await choices.NamesAsync("product.product", [bySku.Id, bySku.Id])).Select(c => (c.Id, c.Name)));
    }

    [Fact]
    public async Task Without_an_odoo_connection_the_pages_are_told_to_connect_one()
    {
        var refused = await Assert.ThrowsAsync<OdooUnavailableException>(() => Choices().CompaniesAsync());

        Assert.Equal("Odoo is not connected yet: connect it on the Odoo page to choose from its records.", refused.Message);
    }

    [Fact]
    public async Task A_refused_key_is_reported_with_odoos_reason()
    {
        await using var odoo = await FakeOdooServer.StartAsync(17);
        await ConnectAsync(odoo, "not-the-key");

        var refused = await Assert.ThrowsAsync<OdooUnavailableException>(() => Choices().SaleTaxesAsync());

        Assert.StartsWith("Odoo's records could not be read: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(OdooErrorKind.Authentication, Assert.IsType<OdooException>(refused.InnerException).Kind);
    }
}
