using AngleSharp.Dom;
using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Portal.Components.Pages.Stores;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Sync.WooCommerce;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

public class StoresPageTests : IAsyncLifetime
{
    private PageTestContext context = default!;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task StartAsAsync(TenantRole role)
    {
        context = await PageTestContext.StartAsync(role, services: services =>
        {
            services.RemoveAll<IStorePlatformClients>();
            services.AddSingleton<IStorePlatformClients>(new StubStorePlatform(StorePlatform.Shopify, new ShopifyCredentials("shpat_good").ToJson(), "Alpha Shop"));
            services.AddSingleton<IStorePlatformClients>(
                new StubStorePlatform(StorePlatform.WooCommerce, new WooCommerceCredentials("ck_good", "cs_good").ToJson(), "Alpha Wholesale"));
        });
        context.Bunit.Render<MudPopoverProvider>();
        dialogs = context.Bunit.Render<MudDialogProvider>();
    }

    private async Task<Guid> AddStoreAsync(string name, StorePlatform platform, string address, bool connected = true, bool enabled = true)
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId));
        var store = new Store { Name = name, Platform = platform, Address = address, Enabled = enabled, ProtectedCredentials = connected ? "sealed" : null };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }

    private async Task<List<Store>> StoresAsync()
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await db.Stores.IgnoreQueryFilters().OrderBy(s => s.Name).ToListAsync();
    }

    private IRenderedComponent<StoresPage> RenderPage() => context.Bunit.Render<StoresPage>(p => p.Add(s => s.TenantId, context.TenantId));

    private List<string> Snackbars() => context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    [Fact]
    public async Task The_list_shows_each_store_with_its_platform_address_and_connection()
    {
        await StartAsAsync(TenantRole.Viewer);
        var alphaEu = await AddStoreAsync("Alpha EU", StorePlatform.Shopify, "alpha-eu.myshopify.com");
        await AddStoreAsync("Wholesale", StorePlatform.WooCommerce, "https://wholesale.example.com", connected: false, enabled: false);

        var page = RenderPage();

        page.WaitForElement("[data-testid=stores]");
        Assert.Equal(["Alpha EU", "Shopify", "alpha-eu.myshopify.com", "Connected", "On", "Settings Mappings Stock Products"], Cells(page, "Alpha EU"));
        Assert.Equal(
            ["Wholesale", "WooCommerce", "https://wholesale.example.com", "Not connected— an owner or an admin needs to reconnect it", "Off", "Settings Mappings Stock Products"],
            Cells(page, "Wholesale"));
        Assert.Equal($"/t/{context.TenantId}/stores/{alphaEu}/settings", page.Find("a[aria-label='Settings of Alpha EU']").GetAttribute("href"));
        Assert.Equal($"/t/{context.TenantId}/stores/{alphaEu}/mappings/taxes", page.Find("a[aria-label='Mappings of Alpha EU']").GetAttribute("href"));
        Assert.Contains("registers its webhooks and, as a fallback for any webhook that goes missing, polls it every 5 minutes.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_can_neither_connect_nor_switch_nor_remove()
    {
        await StartAsAsync(TenantRole.Viewer);
        await AddStoreAsync("Alpha EU", StorePlatform.Shopify, "alpha-eu.myshopify.com");
        await AddStoreAsync("Wholesale", StorePlatform.WooCommerce, "https://wholesale.example.com", connected: false);

        var page = RenderPage();

        page.WaitForElement("[data-testid=stores]");
        Assert.Empty(page.FindAll("button"));
        Assert.Empty(page.FindAll("input"));
    }

    [Fact]
    public async Task Without_stores_the_page_says_what_to_do()
    {
        await StartAsAsync(TenantRole.Admin);

        var page = RenderPage();

        Assert.Contains("No store is connected yet. Connect a Shopify store or a WooCommerce site with the buttons above",
            page.WaitForElement("[data-testid=stores-empty]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shopify_form_shows_the_shared_validators_messages_and_connects_nothing()
    {
        await StartAsAsync(TenantRole.Owner);
        var page = RenderPage();
        var connecting = Click(page, "Connect Shopify store");
        await FillAsync(new() { ["Shop"] = "alpha.example.com" });

        await Click(dialogs, "Connect");

        var expected = (await context.Services.GetRequiredService<IValidator<ShopifyStoreForm>>().ValidateAsync(new ShopifyStoreForm { Shop = "alpha.example.com" }))
            .Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Equal(4, expected.Count);
        dialogs.WaitForAssertion(() => Assert.All(expected, message => Assert.Contains(message, Dialog().TextContent, StringComparison.Ordinal)));
        Assert.Empty(await StoresAsync());
        Assert.False(connecting.IsCompleted);
    }

    [Fact]
    public async Task A_plain_http_site_needs_the_explicit_consent_the_validator_asks_for()
    {
        await StartAsAsync(TenantRole.Admin);
        var page = RenderPage();
        var connecting = Click(page, "Connect WooCommerce site");
        await FillAsync(new()
        {
            ["Name"] = "Wholesale",
            ["Site URL"] = "http://wholesale.example.com",
            ["Consumer key"] = "ck_good",
            ["Consumer secret"] = "cs_good",
        });

        await Click(dialogs, "Connect");

        var consent = Assert.Single((await context.Services.GetRequiredService<IValidator<WooCommerceStoreForm>>().ValidateAsync(new WooCommerceStoreForm
        {
            Name = "Wholesale",
            SiteUrl = "http://wholesale.example.com",
            ConsumerKey = "ck_good",
            ConsumerSecret = "cs_good",
        })).Errors).ErrorMessage;
        dialogs.WaitForAssertion(() => Assert.Contains(consent, Dialog().TextContent, StringComparison.Ordinal));
        Assert.Empty(await StoresAsync());

        await Dialog().QuerySelector("input[type=checkbox]")!.ChangeAsync(new() { Value = true });
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(consent, Dialog().TextContent, StringComparison.Ordinal));
        await Click(dialogs, "Connect");
        await connecting;

        page.WaitForAssertion(() => Assert.Contains("Connected to Alpha Wholesale (EUR).", Snackbars()));
        var store = Assert.Single(await StoresAsync());
        Assert.Equal(("http://wholesale.example.com", true), (store.Address, store.AllowInsecureHttp));
    }

    [Fact]
    public async Task A_rejected_token_keeps_the_dialog_open_with_the_stores_answer_and_saves_nothing()
    {
        await StartAsAsync(TenantRole.Owner);
        var page = RenderPage();

        var connecting = await SubmitShopifyAsync(page, "shpat_revoked");

        var refusal = dialogs.WaitForElement("[data-testid=connect-refusal]");
        Assert.Contains("The access token was rejected.", refusal.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-alert-text-error", refusal.ClassName, StringComparison.Ordinal);
        Assert.Empty(await StoresAsync());
        Assert.False(connecting.IsCompleted);

        await Click(dialogs, "Cancel");
        await connecting;
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task A_working_token_closes_the_dialog_and_lists_the_store_without_its_secrets()
    {
        await StartAsAsync(TenantRole.Owner);
        var page = RenderPage();

        var connecting = await SubmitShopifyAsync(page, "shpat_good");
        await connecting;

        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Contains("Connected to Alpha Shop (EUR).", Snackbars());
        page.WaitForAssertion(() => Assert.Equal(["Alpha EU", "Shopify", "alpha.myshopify.com", "Connected", "On", "Settings Mappings Stock Products", "Remove"], Cells(page, "Alpha EU")));
        Assert.DoesNotContain("shpat_good", page.Markup + dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret", page.Markup + dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnecting_keeps_the_name_and_address_and_asks_for_the_secrets_again()
    {
        await StartAsAsync(TenantRole.Owner);
        var storeId = await AddStoreAsync("Alpha EU", StorePlatform.Shopify, "alpha.myshopify.com", connected: false, enabled: false);
        var page = RenderPage();

        var connecting = page.Find("button[aria-label='Reconnect Alpha EU']").ClickAsync(new());

        Assert.Equal(("Alpha EU", "alpha.myshopify.com", "", ""),
            (Field("Name").GetAttribute("value"), Field("Shop").GetAttribute("value"), Field("Admin API access token").GetAttribute("value"), Field("App API secret key").GetAttribute("value")));
        await FillAsync(new() { ["Admin API access token"] = "shpat_good", ["App API secret key"] = "app-secret" });
        await Click(dialogs, "Connect");
        await connecting;

        var store = Assert.Single(await StoresAsync());
        Assert.Equal((storeId, true, true), (store.Id, store.ProtectedCredentials is not null, store.Enabled));
        page.WaitForAssertion(() => Assert.Equal("Connected", Cells(page, "Alpha EU")[3]));
    }

    [Fact]
    public async Task The_switch_disables_the_store()
    {
        await StartAsAsync(TenantRole.Admin);
        await AddStoreAsync("Alpha EU", StorePlatform.Shopify, "alpha.myshopify.com");
        var page = RenderPage();

        await page.WaitForElement("input[aria-label='Alpha EU enabled']").ChangeAsync(new() { Value = false });

        page.WaitForAssertion(() => Assert.Contains("Alpha EU is disabled: the portal ignores its webhooks and stops polling it.", Snackbars()));
        Assert.False(Assert.Single(await StoresAsync()).Enabled);
        Assert.Equal("Off", Cells(page, "Alpha EU")[4]);
    }

    [Fact]
    public async Task Removing_asks_first_and_says_the_webhooks_go_too()
    {
        await StartAsAsync(TenantRole.Owner);
        await AddStoreAsync("Alpha EU", StorePlatform.Shopify, "alpha.myshopify.com");
        var page = RenderPage();

        var removing = page.WaitForElement("button[aria-label='Remove Alpha EU']").ClickAsync(new());
        Assert.Contains("deletes the store's webhooks on Shopify", Dialog().TextContent, StringComparison.Ordinal);
        await Click(dialogs, "Cancel");
        await removing;

        Assert.Null(Assert.Single(await StoresAsync()).RemovedAt);
        Assert.Single(page.FindAll("[data-testid=stores] tbody tr"));

        removing = page.Find("button[aria-label='Remove Alpha EU']").ClickAsync(new());
        await Click(dialogs, "Remove");
        await removing;

        page.WaitForAssertion(() => Assert.Contains("No store is connected yet.", page.Find("[data-testid=stores-empty]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(Assert.Single(await StoresAsync()).RemovedAt);
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        Assert.Equal("Remove Alpha EU", await db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == StoreRemovalFlow.Name).Select(j => j.Subject).SingleAsync());
    }

    private IElement Dialog() => dialogs.WaitForElement(".mud-dialog");

    /// <summary>The input a label names, found as a screen reader finds it: every field must be labelled.</summary>
    private IElement Field(string label)
    {
        var labelElement = Dialog().QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label);
        return Dialog().QuerySelector($"#{labelElement.GetAttribute("for")}")!;
    }

    private async Task FillAsync(Dictionary<string, string> values)
    {
        foreach (var (label, value) in values)
        {
            await Field(label).ChangeAsync(new() { Value = value });
        }
    }

    /// <summary>Opens the Shopify dialog, fills it in and submits it; the returned click completes once the dialog closes.</summary>
    private async Task<Task> SubmitShopifyAsync(IRenderedComponent<StoresPage> page, string token)
    {
        var connecting = Click(page, "Connect Shopify store");
        await FillAsync(new()
        {
            ["Name"] = "Alpha EU",
            ["Shop"] = "alpha",
            ["Admin API access token"] = token,
            ["App API secret key"] = "app-secret",
        });
        await Click(dialogs, "Connect");
        return connecting;
    }

    private static List<string> Cells(IRenderedComponent<StoresPage> page, string store) =>
        page.Find($"[data-testid=stores] tr[data-store='{store}']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    // Not awaited by callers whose click opens a dialog: the handler finishes only once the dialog is answered.
    private static Task Click(IRenderedComponent<IComponent> component, string text) =>
        component.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());
}
