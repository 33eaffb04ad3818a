using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Pages.Products;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Stores;
using Portal.Tests.Components.Settings;

namespace Portal.Tests.Products;

/// <summary>The Products page of a store with the real services: the settings form's validation, the matching results' filter, and when linking is offered.</summary>
public class ProductsPageTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<ProductsPage>> RenderAsync(TenantRole role, Func<PortalDbContext, Guid, Task>? seed = null)
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected: false);
        if (seed is not null)
        {
            await context.ReadAsync(async db =>
            {
                await seed(db, context.StoreId);
                return await db.SaveChangesAsync();
            });
        }

        return context.Render<ProductsPage>(context.Route("products"), p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ProductsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static AngleSharp.Dom.IElement CheckBox(IRenderedComponent<ProductsPage> page, string label) =>
        page.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input[type=checkbox]")!;

    [Fact]
    public async Task The_validators_messages_show_under_their_fields_and_nothing_is_saved()
    {
        var page = await RenderAsync(TenantRole.Admin, async (db, store) => (await db.Stores.SingleAsync(s => s.Id == store)).ProductDirection = ProductDirection.StoreToOdoo);
        await CheckBox(page, "Create Odoo products the store does not have").ChangeAsync(new() { Value = true });
        await CheckBox(page, "Replace the store's descriptions with Odoo's").ChangeAsync(new() { Value = true });

        await Button(page, "Save").ClickAsync(new());

        var form = new ProductSettingsForm { Direction = ProductDirection.StoreToOdoo, CreateMissingProducts = true, ExportDescriptions = true };
        var expected = (await context.Pages.Services.GetRequiredService<IValidator<ProductSettingsForm>>().ValidateAsync(form)).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Equal(2, expected.Count);
        page.WaitForAssertion(() => Assert.All(expected, message => Assert.Contains(message, page.Find("form").TextContent, StringComparison.Ordinal)));
        Assert.Equal(0, await context.ReadAsync(db => db.StoreOutboundSettings.CountAsync()));
    }

    [Fact]
    public async Task The_direction_is_shown_with_a_link_to_the_features_tab_and_saving_the_options_is_audited_without_touching_webhooks()
    {
        var page = await RenderAsync(TenantRole.Owner);
        var direction = page.Find("[data-testid=product-direction]");
        Assert.Contains("Products go from Odoo to the store.", direction.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.Pages.TenantId}/stores/{context.StoreId}/settings?tab=features", direction.QuerySelector("a")!.GetAttribute("href"));
        await CheckBox(page, "Create Odoo products the store does not have").ChangeAsync(new() { Value = true });

        await Button(page, "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The product settings of Alpha EU are saved.", context.Snackbars()));
        Assert.Equal(ProductDirection.OdooToStore, await context.ReadAsync(db => db.Stores.Select(s => s.ProductDirection).SingleAsync()));
        Assert.Equal("CreateMissingProducts: False → True",
            await context.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "product-settings.saved").Select(e => e.Details).SingleAsync()));
        Assert.Equal(0, await context.ReadAsync(db => db.Jobs.CountAsync(j => j.Flow == SubscriptionSyncFlow.Name)));
    }

    [Fact]
    public async Task The_outcome_filter_shows_only_the_variants_of_that_outcome()
    {
        var page = await RenderAsync(TenantRole.Viewer, (db, store) => SeedRunAsync(db, store, SyncRunState.Succeeded));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=matches-grid] tbody tr").Count));

        await context.PickAsync(page.Find("[data-testid=outcome-filter]").ParentElement!.ParentElement!.ParentElement!, "Show", "Ambiguous");

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=matches-grid] tbody tr");
            Assert.Equal("Twin", Assert.Single(rows).QuerySelector("td")!.TextContent.Trim());
        });
        Assert.Empty(page.FindAll("[data-testid=apply-matches]"));
    }

    [Fact]
    public async Task Linking_is_offered_only_for_a_finished_run_with_something_to_link_and_a_pick_counts()
    {
        var page = await RenderAsync(TenantRole.Admin, (db, store) => SeedRunAsync(db, store, SyncRunState.Succeeded, matched: 0));
        var apply = page.WaitForElement("[data-testid=apply-matches]");
        Assert.True(apply.HasAttribute("disabled"));
        Assert.Contains("Link 0 matched", apply.TextContent, StringComparison.Ordinal);

        await context.PickAsync(page.Find("[data-testid=pick-v-twin]").ParentElement!.ParentElement!.ParentElement!, "Pick one", "Twin B");

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=apply-matches]").HasAttribute("disabled")));
        Assert.Contains("Link 1 matched", page.Find("[data-testid=apply-matches]").TextContent, StringComparison.Ordinal);
        await page.Find("[data-testid=apply-matches]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("1 variants are linked.", context.Snackbars()));
        var link = await context.ReadAsync(db => db.RecordLinks.SingleAsync());
        Assert.Equal(("v-twin", 12L, RecordLinkKind.Variant), (link.StoreKey, link.OdooId, link.Kind));
    }

    [Fact]
    public async Task A_running_match_shows_its_progress_and_no_results_yet()
    {
        var page = await RenderAsync(TenantRole.Admin, (db, store) => SeedRunAsync(db, store, SyncRunState.Running));

        Assert.Contains("2 of 8 variants", page.WaitForElement("[data-testid=matching-state]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=matching-progress]"));
        Assert.Empty(page.FindAll("[data-testid=apply-matches]"));
        Assert.True(Button(page, "Run matching").HasAttribute("disabled"));
    }

    private static Task SeedRunAsync(PortalDbContext db, Guid storeId, SyncRunState state, int matched = 1)
    {
        var tenantId = db.Stores.IgnoreQueryFilters().Single(s => s.Id == storeId).TenantId;
        var run = new SyncRun
        {
            TenantId = tenantId,
            StoreId = storeId,
            Kind = SyncRunKind.ProductMatching,
            State = state,
            Total = 8,
            Processed = state == SyncRunState.Running ? 2 : 8,
            Changed = matched,
            Summary = "4 variants",
            StartedAt = DateTimeOffset.UnixEpoch,
        };
        db.SyncRuns.Add(run);
        ProductMatch Match(string title, ProductMatchOutcome outcome, long? odooId = null, string? candidates = null) => new()
        {
            TenantId = tenantId,
            RunId = run.Id,
            StoreId = storeId,
            StoreProductId = "p-" + title.ToLowerInvariant(),
            VariantId = "v-" + title.ToLowerInvariant(),
            Title = title,
            Sku = title.ToUpperInvariant(),
            Outcome = outcome,
            OdooProductId = odooId,
            Candidates = candidates,
        };
        db.ProductMatches.AddRange(
            Match("Chair", matched > 0 ? ProductMatchOutcome.Matched : ProductMatchOutcome.Unmatched, matched > 0 ? 10 : null),
            Match("Twin", ProductMatchOutcome.Ambiguous, candidates: "11:Twin A; 12:Twin B"),
            Match("Vase", ProductMatchOutcome.Unmatched),
            Match("Desk", ProductMatchOutcome.Linked, 13));
        return Task.CompletedTask;
    }
}
