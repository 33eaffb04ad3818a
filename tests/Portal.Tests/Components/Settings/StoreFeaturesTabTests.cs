using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Stores;

namespace Portal.Tests.Components.Settings;

/// <summary>The Features tab of a store's settings: the gating of each flow by its mappings, and saving.</summary>
public class StoreFeaturesTabTests : IAsyncLifetime
{
    private readonly FakeMappingCoverage coverage = new();
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<StoreSettingsPage>> RenderAsync(TenantRole role, StoreFeatures features)
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected: false, services => services.AddSingleton<IMappingCoverage>(coverage));
        await context.ReadAsync(async db =>
        {
            var store = await db.Stores.SingleAsync();
            store.Features = features;
            store.ProtectedCredentials = "sealed";
            return await db.SaveChangesAsync();
        });
        var page = context.Render<StoreSettingsPage>(context.Route("settings?tab=features"),
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Checking the store\\'s mappings']")));
        return page;
    }

    private static MudSwitch<bool> Switch(IRenderedComponent<StoreSettingsPage> page, StoreFeatures feature) =>
        page.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == feature.ToString()).Instance;

    private static string Row(IRenderedComponent<StoreSettingsPage> page, StoreFeatures feature) => page.Find($"[data-feature={feature}]").TextContent;

    [Fact]
    public async Task A_feature_whose_mapping_is_incomplete_cannot_be_switched_on_and_says_why_with_a_link_to_fix_it()
    {
        coverage.Coverage = new MappingCoverage(5, 4, [new SeenTaxLine("GST", 0.05m, "CA", false, 1, null)], [], []);

        var page = await RenderAsync(TenantRole.Admin, StoreFeatures.None);

        Assert.True(Switch(page, StoreFeatures.Orders).Disabled);
        Assert.Contains("Orders cannot be switched on yet:", Row(page, StoreFeatures.Orders), StringComparison.Ordinal);
        Assert.Contains("No tax mapping for 'GST' (5 %, CA), used by 1 recent order.", Row(page, StoreFeatures.Orders), StringComparison.Ordinal);
        Assert.EndsWith($"/stores/{context.StoreId}/mappings/taxes", page.Find("[data-feature=Orders] a").GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(Switch(page, StoreFeatures.Stock).Disabled);
        Assert.Contains("primary location is not mapped", Row(page, StoreFeatures.Stock), StringComparison.Ordinal);
        Assert.True(Switch(page, StoreFeatures.Refunds).Disabled);
        Assert.False(Switch(page, StoreFeatures.Payments).Disabled);
        Assert.False(Switch(page, StoreFeatures.Customers).Disabled);
    }

    [Fact]
    public async Task A_feature_already_on_stays_on_with_a_warning_and_can_be_switched_off_and_saved_audited()
    {
        coverage.Coverage = new MappingCoverage(5, 4, [], [], [new SeenShippingMethod("express", "Express", 2, false)]);
        var page = await RenderAsync(TenantRole.Owner, StoreFeatures.Orders | StoreFeatures.Refunds);
        Assert.Contains("Orders is on, but will fail until this is fixed:", Row(page, StoreFeatures.Orders), StringComparison.Ordinal);
        Assert.False(Switch(page, StoreFeatures.Orders).Disabled);

        await page.InvokeAsync(() => Switch(page, StoreFeatures.Orders).ValueChanged.InvokeAsync(false));
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The features of Alpha EU are saved.", context.Snackbars()));
        Assert.Equal(StoreFeatures.Refunds, await context.ReadAsync(db => db.Stores.Select(s => s.Features).SingleAsync()));
        Assert.Equal("Orders: True → False",
            await context.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "store-features.saved").Select(e => e.Details).SingleAsync()));
        Assert.Equal(1, await context.ReadAsync(db => db.Jobs.CountAsync(j => j.Flow == SubscriptionSyncFlow.Name)));
        page.WaitForAssertion(() => Assert.Contains("Refunds is on, but will fail until this is fixed:", Row(page, StoreFeatures.Refunds), StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_stores_orders_cannot_be_read_the_tab_says_so_and_orders_and_payments_stay_off()
    {
        coverage.Failure = new StoreApiException(StoreApiErrorKind.Authentication, "Shopify refused the access token.");

        var page = await RenderAsync(TenantRole.Admin, StoreFeatures.None);

        Assert.Contains("Shopify refused the access token.", page.Find("[data-testid=coverage-problem]").TextContent, StringComparison.Ordinal);
        Assert.True(Switch(page, StoreFeatures.Orders).Disabled);
        Assert.True(Switch(page, StoreFeatures.Payments).Disabled);
        Assert.False(Switch(page, StoreFeatures.Customers).Disabled);
    }

    [Fact]
    public async Task Shipment_emails_and_the_product_direction_are_saved_with_the_features()
    {
        var page = await RenderAsync(TenantRole.Admin, StoreFeatures.Fulfilment);
        var notify = page.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == "The store e-mails the customer the shipment and its tracking");
        Assert.True(notify.Instance.Value);

        await page.InvokeAsync(() => notify.Instance.ValueChanged.InvokeAsync(false));
        await context.PickAsync(page.Find("form"), "Products go", "From the store to Odoo");
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The features of Alpha EU are saved.", context.Snackbars()));
        Assert.False(await context.ReadAsync(db => db.StoreOutboundSettings.Select(s => s.NotifyCustomerOnFulfilment).SingleAsync()));
        Assert.Equal(ProductDirection.StoreToOdoo, await context.ReadAsync(db => db.Stores.Select(s => s.ProductDirection).SingleAsync()));
        Assert.Equal("Products: OdooToStore → StoreToOdoo; NotifyCustomerOnFulfilment: True → False",
            await context.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "store-features.saved").Select(e => e.Details).SingleAsync()));
    }

    [Fact]
    public async Task A_viewer_sees_the_features_but_cannot_switch_them()
    {
        var page = await RenderAsync(TenantRole.Viewer, StoreFeatures.Default);

        Assert.All(page.FindComponents<MudSwitch<bool>>(), s => Assert.True(s.Instance.Disabled));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Save");
    }
}
