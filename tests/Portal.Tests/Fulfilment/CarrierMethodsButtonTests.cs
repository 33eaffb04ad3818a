using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Secrets;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;
using Portal.Tests.Components.Settings;

namespace Portal.Tests.Fulfilment;

/// <summary>The shipping mappings page of a WooCommerce store offers to add a shipping method per Odoo carrier; a Shopify store's does not.</summary>
public sealed class CarrierMethodsButtonTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;
    private FakeWooCommerceServer? site;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    [Fact]
    public async Task Adding_methods_for_the_chosen_zone_creates_one_per_carrier_and_lists_their_mappings()
    {
        site = await FakeWooCommerceServer.StartAsync();
        context = await StoreSettingsContext.StartAsync(TenantRole.Admin, odooConnected: true, s => s.Configure<StoresOptions>(o => o.AllowLoopbackAddresses = true));
        var credentials = context.Pages.Services.GetRequiredService<SecretProtector>()
            .Protect(new WooCommerceCredentials(site.ReadWriteKey.ConsumerKey, site.ReadWriteKey.ConsumerSecret).ToJson());
        await context.ReadAsync(db => db.Stores.Where(s => s.Id == context.StoreId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Platform, StorePlatform.WooCommerce).SetProperty(x => x.Address, site.Url.AbsoluteUri).SetProperty(x => x.ProtectedCredentials, credentials)));
        var page = Render();
        var button = () => page.FindAll("[data-testid=carrier-methods] button").Single(b => b.TextContent.Trim() == "Add shipping methods from Odoo carriers");
        page.WaitForAssertion(() => Assert.False(button().HasAttribute("disabled")));

        await button().ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Express delivery", "Standard delivery"], page.FindAll("[data-mapping]").Select(r => r.GetAttribute("data-mapping"))));
        Assert.Equal(["Express delivery", "Standard delivery"], site.Shipping.Methods(0).Select(m => m!["title"]!.GetValue<string>()).Order());
        Assert.Contains("2 shipping method(s) added to Locations not covered by your other zones; every Odoo carrier is mapped.", context.Snackbars());
    }

    [Fact]
    public async Task A_shopify_store_has_no_shipping_zones_to_add_methods_to()
    {
        context = await StoreSettingsContext.StartAsync(TenantRole.Admin, odooConnected: false);

        var page = Render();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=mappings-empty]")));
        Assert.Empty(page.FindAll("[data-testid=carrier-methods]"));
    }

    private IRenderedComponent<StoreMappingsPage> Render() =>
        context.Render<StoreMappingsPage>(context.Route("mappings/shipping"),
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId).Add(s => s.Kind, "shipping"));
}
