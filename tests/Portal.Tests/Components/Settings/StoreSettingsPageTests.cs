using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Sync.Settings;

namespace Portal.Tests.Components.Settings;

public class StoreSettingsPageTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<StoreSettingsPage>> RenderAsync(TenantRole role, bool odooConnected)
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected);
        return context.Render<StoreSettingsPage>(context.Route("settings"), p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));
    }

    private static Task ClickAsync(IRenderedComponent<StoreSettingsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    [Fact]
    public async Task The_validators_messages_show_under_their_fields_and_nothing_is_saved()
    {
        var page = await RenderAsync(TenantRole.Admin, odooConnected: false);
        page.WaitForElement("[data-testid=odoo-problem]");
        await context.PickAsync(page.Find("form"), "Orders are under", "One Odoo customer");
        await StoreSettingsContext.Field(page.Find("form"), "Accepted difference between the store's and Odoo's totals").ChangeAsync(new() { Value = "2000" });

        await ClickAsync(page, "Save");

        var form = StoreOrderSettingsForm.From(null);
        form.CustomerStrategy = CustomerStrategy.SingleCustomer;
        form.TotalTolerance = 2000;
        var expected = (await context.Pages.Services.GetRequiredService<IValidator<StoreOrderSettingsForm>>().ValidateAsync(form)).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Equal(2, expected.Count);
        page.WaitForAssertion(() => Assert.All(expected, message => Assert.Contains(message, page.Find("form").TextContent, StringComparison.Ordinal)));
        Assert.Equal(0, await context.ReadAsync(db => db.StoreOrderSettings.CountAsync()));
    }

    [Fact]
    public async Task Saving_stores_the_form_through_the_service_with_odoos_names_offered()
    {
        var page = await RenderAsync(TenantRole.Owner, odooConnected: true);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Reading Odoo\\'s records']")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=odoo-problem]"));

        await context.PickAsync(page.Find("form"), "Company", "My Company (San Francisco)");
        await context.PickAsync(page.Find("form"), "Orders become", "Quotations");
        await StoreSettingsContext.Field(page.Find("form"), "Accepted difference between the store's and Odoo's totals").ChangeAsync(new() { Value = "0.5" });
        await ClickAsync(page, "Save");

        page.WaitForAssertion(() => Assert.Contains("The order settings of Alpha EU are saved.", context.Snackbars()));
        var saved = await context.ReadAsync(db => db.StoreOrderSettings.SingleAsync());
        Assert.Equal((OrderImportMode.Quotation, 1L, 0.5m, context.StoreId), (saved.ImportMode, saved.CompanyId, saved.TotalTolerance, saved.StoreId));
        Assert.Equal("ImportMode: ConfirmedOrder → Quotation; CompanyId: none → 1; TotalTolerance: 0.01 → 0.5",
            await context.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "store-settings.saved").Select(e => e.Details).SingleAsync()));
    }

    [Fact]
    public async Task Without_odoo_the_saved_settings_still_show_with_the_reason()
    {
        context = await StoreSettingsContext.StartAsync(TenantRole.Viewer, odooConnected: false);
        await using (var scope = context.Pages.Services.CreateAsyncScope())
        {
            await context.ReadAsync(async db =>
            {
                db.StoreOrderSettings.Add(new StoreOrderSettings { StoreId = context.StoreId, CompanyId = 3, TotalTolerance = 0.25m });
                return await db.SaveChangesAsync();
            });
        }

        var page = context.Render<StoreSettingsPage>(context.Route("settings"), p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));

        Assert.Contains("Odoo is not connected yet: connect it on the Odoo page", page.WaitForElement("[data-testid=odoo-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Odoo record #3", StoreSettingsContext.Selected(page.Find("form"), "Company"));
        Assert.Equal("0.25", StoreSettingsContext.Field(page.Find("form"), "Accepted difference between the store's and Odoo's totals").GetAttribute("value"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Save");
        Assert.Contains("An owner or an admin of this tenant can change these settings.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_settings_are_the_default_tab_and_choosing_another_puts_it_in_the_address()
    {
        var page = await RenderAsync(TenantRole.Owner, odooConnected: false);
        Assert.Equal("Configuration", page.Find(".mud-tab-active").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=mapped-elsewhere]"));

        await page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Connection").ClickAsync(new());

        Assert.EndsWith("/settings?tab=connection", context.Pages.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_of_no_one_here_is_not_found()
    {
        context = await StoreSettingsContext.StartAsync(TenantRole.Owner, odooConnected: false);
        var elsewhere = Guid.NewGuid();

        var page = context.Render<StoreSettingsPage>($"/t/{context.Pages.TenantId}/stores/{elsewhere}/settings",
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, elsewhere));

        Assert.Contains("This store does not exist in this tenant", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form"));
    }
}
