using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Secrets;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Tenancy;
using Portal.Sync.WooCommerce;

namespace Portal.Tests.Components.Settings;

public class MappingWizardTests : IAsyncLifetime
{
    private readonly FakeMappingCoverage coverage = new();
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<StoreMappingsPage>> RenderAsync(string kind, TenantRole role = TenantRole.Admin, Func<Task>? before = null)
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected: true, services => services.Replace(ServiceDescriptor.Scoped<IMappingCoverage>(_ => coverage)));
        if (before is not null)
        {
            await before();
        }

        return context.Render<StoreMappingsPage>(context.Route($"mappings/{kind}"),
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId).Add(s => s.Kind, kind));
    }

    private IElement Dialog() => context.Dialog();

    private IElement Row(string name) => Dialog().QuerySelectorAll("tr[data-wizard-row]").Single(r => r.GetAttribute("data-wizard-row") == name);

    // A select shows its chosen item's text once it has rendered its items, a moment after the dialog opens.
    private Task AssertSuggestedAsync(string expected, string label) =>
        context.Dialogs.WaitForAssertionAsync(() => Assert.Equal(expected, StoreSettingsContext.Selected(Dialog(), label)), StoreSettingsContext.OdooWait);

    private Task ClickInDialogAsync(string text) => Dialog().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    private static Task ClickAsync(IRenderedComponent<StoreMappingsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    private async Task ParkAsync(string order, string fixPath)
    {
        var jobs = context.Pages.Services.GetRequiredService<JobStore>();
        await jobs.EnqueueAsync(context.Pages.TenantId, new JobRequest("orders.import", $"Order #{order}", $"order:{order}", $"orders/create:{order}", StoreId: context.StoreId));
        var job = Assert.Single(await jobs.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        await jobs.FailAsync(job, "node-a", JobFailures.From(new JobConfigurationException($"No mapping for order {order}", fixPath)), TimeSpan.Zero);
    }

    [Fact]
    public async Task The_tax_wizard_suggests_odoo_taxes_previews_and_saves_the_accepted_ones_then_offers_to_retry_the_waiting_jobs()
    {
        coverage.Coverage = new MappingCoverage(200, 192,
        [
            new SeenTaxLine("Sales tax", 0.15m, "US", false, 192, 1),
            new SeenTaxLine("GST 5 %", 0.05m, "CA", false, 4, null),
            new SeenTaxLine("TVA 20%", 0.2m, "FR", true, 3, null),
            new SeenTaxLine("", 0.1m, "US", false, 1, null),
        ], [], []);
        var page = await RenderAsync("taxes", before: async () =>
        {
            await ParkAsync("1001", $"stores/{context.StoreId}/mappings/taxes?title=GST%205%20%25&rate=0.05&country=CA&included=false");
            await ParkAsync("1002", $"stores/{context.StoreId}/mappings/taxes?title=TVA%2020%25&rate=0.2&country=FR&included=true");
            await ParkAsync("1003", $"stores/{context.StoreId}/mappings/journals?gateway=paypal");
        });

        var opening = ClickAsync(page, "Map from recent orders");

        await context.DialogAsync();

        Assert.Equal("Of the last 200 orders, 192 map cleanly; 4 use 'GST 5 %', 3 use 'TVA 20%' and 1 uses '', which have no mapping.",
            Dialog().QuerySelector("[data-testid=wizard-preview]")!.TextContent.Trim());
        await AssertSuggestedAsync("Tax 5% (5 %)", "Odoo sale tax for GST 5 %");
        await AssertSuggestedAsync("TVA 20% TTC (20 %, included, France)", "Odoo sale tax for TVA 20%");
        await AssertSuggestedAsync("Tax 10% (10 %)", "Odoo sale tax for (untitled)");
        Assert.StartsWith("Mapped: ", Row("Sales tax").QuerySelector("[data-testid=wizard-mapped]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["GST 5 %", "5 %", "CA", "No", "4"], Row("GST 5 %").QuerySelectorAll("td").Take(5).Select(td => td.TextContent.Trim()));

        await ClickInDialogAsync("Save mappings");

        await context.Dialogs.WaitForAssertionAsync(() => Assert.Equal("Enter the tax's title as the store's orders name it, e.g. TVA 20%.",
            Row("(untitled)").QuerySelector("[data-testid=wizard-row-problem]")!.TextContent.Trim()));
        var saved = await context.ReadAsync(db => db.TaxMappings.OrderBy(m => m.Title).ToListAsync());
        Assert.Equal([("GST 5 %", 0.05m, "CA", false), ("TVA 20%", 0.2m, "FR", true)], saved.Select(m => (m.Title, m.Rate, m.CountryCode, m.PriceIncluded)));
        Assert.Equal(2, await context.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Action == "tax-mapping.added")));
        Assert.StartsWith("Mapped: Tax 5%", Row("GST 5 %").QuerySelector("[data-testid=wizard-mapped]")!.TextContent, StringComparison.Ordinal);

        await ClickInDialogAsync("Close");
        await opening;

        var offer = await page.WaitForElementAsync("[data-testid=retry-offer]", StoreSettingsContext.OdooWait);
        Assert.Contains("2 jobs wait for the store's tax mappings.", offer.TextContent, StringComparison.Ordinal);
        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-testid=mappings] tbody tr").Count), StoreSettingsContext.OdooWait);
        await ClickAsync(page, "Retry the 2 jobs waiting for it");

        await page.WaitForAssertionAsync(() => Assert.Contains("2 job(s) are queued to run again.", context.Snackbars()), StoreSettingsContext.OdooWait);
        Assert.Empty(page.FindAll("[data-testid=retry-offer]"));
        var states = await context.ReadAsync(db => db.Jobs.OrderBy(j => j.Subject).Select(j => j.State).ToListAsync());
        Assert.Equal([JobState.Pending, JobState.Pending, JobState.NeedsAttention], states);
    }

    [Fact]
    public async Task The_journal_wizard_suggests_journals_by_name_and_needs_one_chosen()
    {
        coverage.Coverage = new MappingCoverage(10, 0, [], [new SeenGateway("shopify_payments", null, 8, null), new SeenGateway("bogus", "Bogus Gateway", 2, null)], []);
        var page = await RenderAsync("journals");
        var opening = ClickAsync(page, "Map from recent orders");
        await context.DialogAsync();

        await AssertSuggestedAsync("Shopify Payments", "Odoo journal for shopify_payments");
        await AssertSuggestedAsync("Leave unmapped", "Odoo journal for bogus");
        await context.PickAsync(Row("shopify_payments"), "Odoo journal for shopify_payments", "Leave unmapped");
        await ClickInDialogAsync("Save mappings");

        await context.Dialogs.WaitForAssertionAsync(() => Assert.Equal("Choose an Odoo journal for at least one row, or cancel.",
            Dialog().QuerySelector("[data-testid=wizard-refusal]")!.TextContent.Trim()));
        await context.PickAsync(Row("bogus"), "Odoo journal for bogus", "Bank");
        await ClickInDialogAsync("Save mappings");
        await opening;

        await page.WaitForAssertionAsync(() => Assert.Empty(context.Dialogs.FindAll(".mud-dialog")), StoreSettingsContext.OdooWait);
        var saved = await context.ReadAsync(db => db.PaymentJournalMappings.SingleAsync());
        Assert.Equal("bogus", saved.Gateway);
        await page.WaitForAssertionAsync(() => Assert.Equal("bogus", page.Find("[data-testid=mappings] tbody tr").GetAttribute("data-mapping")), StoreSettingsContext.OdooWait);
    }

    [Fact]
    public async Task The_shipping_wizard_suggests_the_carrier_named_like_the_method()
    {
        coverage.Coverage = new MappingCoverage(5, 0, [], [], [new SeenShippingMethod("express", "Express", 5, false)]);
        var page = await RenderAsync("shipping");
        var opening = ClickAsync(page, "Map from recent orders");
        await context.DialogAsync();

        await AssertSuggestedAsync("Express delivery", "Odoo carrier for express");
        await ClickInDialogAsync("Save mappings");
        await opening;

        var saved = await context.ReadAsync(db => db.ShippingMappings.SingleAsync());
        Assert.Equal(("express", true), (saved.Method, saved.OdooCarrierId is not null));
    }

    [Fact]
    public async Task The_location_wizard_lists_a_woocommerce_sites_location_with_odoos_only_warehouse()
    {
        var page = await RenderAsync("locations", before: () => context.ReadAsync(async db =>
        {
            var store = await db.Stores.SingleAsync();
            store.Platform = StorePlatform.WooCommerce;
            store.Address = "https://wholesale.example.com/";
            store.ProtectedCredentials = context.Pages.Services.GetRequiredService<SecretProtector>().Protect(new WooCommerceCredentials("ck_wizard", "cs_wizard").ToJson());
            return await db.SaveChangesAsync();
        }));
        var opening = ClickAsync(page, "Map the store's locations");
        await context.DialogAsync();

        await AssertSuggestedAsync("San Francisco", "Odoo warehouse for WooCommerce site");
        await ClickInDialogAsync("Save mappings");
        await opening;

        var saved = await context.ReadAsync(db => db.LocationMappings.SingleAsync());
        Assert.Equal(("default", "WooCommerce site", true), (saved.StoreLocationId, saved.StoreLocationName, saved.IsPrimary));
    }

    [Fact]
    public async Task A_viewer_gets_no_wizard_and_no_retry_offer()
    {
        var page = await RenderAsync("taxes", TenantRole.Viewer);
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-testid=odoo-loading]")), StoreSettingsContext.OdooWait);

        Assert.Empty(page.FindAll("[data-testid=mapping-wizard]"));
        Assert.Empty(page.FindAll("[data-testid=retry-offer]"));
    }

    [Fact]
    public async Task Saving_in_the_existing_dialog_offers_the_retry_too()
    {
        var page = await RenderAsync("journals", before: () => ParkAsync("1003", $"stores/{context.StoreId}/mappings/journals?gateway=paypal"));

        // The dialog offers the journals the page read from Odoo.
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-testid=odoo-loading]")), StoreSettingsContext.OdooWait);
        var adding = ClickAsync(page, "Add journal mapping");
        await context.DialogAsync();
        await StoreSettingsContext.Field(Dialog(), "Payment gateway").ChangeAsync(new() { Value = "paypal" });
        await context.PickAsync(Dialog(), "Odoo journal", "Bank");
        await Dialog().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());
        await adding;

        await page.WaitForAssertionAsync(() => Assert.Contains("Retry the job waiting for it", page.Find("[data-testid=retry-offer]").TextContent, StringComparison.Ordinal), StoreSettingsContext.OdooWait);
    }
}
