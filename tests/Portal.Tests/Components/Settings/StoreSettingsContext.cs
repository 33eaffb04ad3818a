using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components.Settings;

/// <summary>A tenant with one store, its pages rendered with dialogs, popovers and snackbars, and optionally a fake Odoo connected.</summary>
internal sealed class StoreSettingsContext : IAsyncDisposable
{
    private FakeOdooServer? odoo;

    private StoreSettingsContext(PageTestContext pages) => Pages = pages;

    public PageTestContext Pages { get; }

    public Guid StoreId { get; private set; }

    public IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    public IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    public static async Task<StoreSettingsContext> StartAsync(TenantRole role, bool odooConnected, Action<IServiceCollection>? services = null)
    {
        var context = new StoreSettingsContext(await PageTestContext.StartAsync(role, services: services));
        await using (var db = context.Pages.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.Pages.TenantId)))
        {
            var store = new Store { Name = "Alpha EU", Platform = StorePlatform.Shopify, Address = "alpha-eu.myshopify.com" };
            db.Stores.Add(store);
            if (odooConnected)
            {
                context.odoo = await FakeOdooServer.StartAsync(18);
            }

            await db.SaveChangesAsync();
            context.StoreId = store.Id;
        }

        if (context.odoo is not null)
        {
            await using var scope = context.Pages.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(context.Pages.TenantId, "owner", "owner@alpha.test", TenantRole.Owner);
            await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(new OdooConnectionForm
            {
                Url = context.odoo.Url.ToString(),
                Database = FakeOdooServer.DatabaseName,
                Login = "admin",
                NewApiKey = FakeOdooSeed.AdminApiKey,
                Transport = OdooTransportKind.JsonRpc,
            });
        }

        context.Popovers = context.Pages.Bunit.Render<MudPopoverProvider>();
        context.Dialogs = context.Pages.Bunit.Render<MudDialogProvider>();
        return context;
    }

    public IRenderedComponent<TPage> Render<TPage>(string path, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Pages.Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return Pages.Bunit.Render<TPage>(p => parameters?.Invoke(p));
    }

    public string Route(string page) => $"/t/{Pages.TenantId}/stores/{StoreId}/{page}";

    public List<string> Snackbars() => Pages.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Pages.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(Pages.TenantId));
        return await read(db);
    }

    /// <summary>How long a wait may take that includes a first call to the fake Odoo (a busy machine's first HTTP call and JIT).</summary>
    public static readonly TimeSpan OdooWait = TimeSpan.FromSeconds(15);

    public IElement Dialog() => Dialogs.WaitForElement(".mud-dialog");

    /// <summary>
    /// Waits for a dialog whose opening reads Odoo. The wait yields the test's thread, which the opening's continuations
    /// may need: a blocking wait would hold them back until it timed out.
    /// </summary>
    public Task<IElement> DialogAsync() => Dialogs.WaitForElementAsync(".mud-dialog", OdooWait);

    /// <summary>The input a label names, found as a screen reader finds it: every field must be labelled.</summary>
    public static IElement Field(IElement container, string label)
    {
        var labelElement = container.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label);
        return container.QuerySelector($"#{labelElement.GetAttribute("for")}")!;
    }

    /// <summary>What a select named by <paramref name="label"/> shows as chosen.</summary>
    public static string Selected(IElement container, string label) =>
        Field(container, label).ParentElement!.QuerySelector("div.mud-select-input[tabindex]")!.TextContent.Trim();

    /// <summary>Opens the select a label names and picks the item whose text starts with <paramref name="item"/>.</summary>
    public async Task PickAsync(IElement container, string label, string item)
    {
        await Field(container, label).Closest(".mud-input-control")!.MouseDownAsync(new());
        IElement? option = null;
        await Popovers.WaitForStateAsync(() => (option = Popovers.FindAll(".mud-popover-open .mud-list-item")
            .FirstOrDefault(i => i.TextContent.Trim().StartsWith(item, StringComparison.Ordinal))) is not null, OdooWait);
        await option!.ClickAsync(new());
    }

    public async ValueTask DisposeAsync()
    {
        if (odoo is not null)
        {
            await odoo.DisposeAsync();
        }

        await Pages.DisposeAsync();
    }
}
