using AngleSharp.Dom;
using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Tests.Components.Settings;

public class StoreMappingsPageTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<StoreMappingsPage>> RenderAsync(string kind, string query = "", TenantRole role = TenantRole.Admin, bool odooConnected = false)
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected);
        return Render(kind, query);
    }

    private IRenderedComponent<StoreMappingsPage> Render(string kind, string query = "") =>
        context.Render<StoreMappingsPage>(context.Route($"mappings/{kind}{query}"),
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId).Add(s => s.Kind, kind));

    private IElement Dialog() => context.Dialog();

    private IElement Field(string label) => StoreSettingsContext.Field(Dialog(), label);

    private Task ClickInDialogAsync(string text) => Dialog().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    private static Task ClickAsync(IRenderedComponent<StoreMappingsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    private async Task<List<string>> MessagesAsync<T>(T form) =>
        (await context.Pages.Services.GetRequiredService<IValidator<T>>().ValidateAsync(form)).Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public async Task A_tax_from_a_jobs_fix_link_opens_the_dialog_prefilled_and_it_needs_an_odoo_tax()
    {
        var page = await RenderAsync("taxes", "?title=TVA%2020%25&rate=0.2&country=FR&included=true");

        Assert.Equal(("TVA 20%", "0.2", "FR"), (Field("Title").GetAttribute("value"), Field("Rate").GetAttribute("value"), Field("Country").GetAttribute("value")));
        Assert.True(Dialog().QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        Assert.Contains("Odoo is not connected yet", page.Find("[data-testid=odoo-problem]").TextContent, StringComparison.Ordinal);

        await ClickInDialogAsync("Save");

        var expected = Assert.Single(await MessagesAsync(new TaxMappingForm { Title = "TVA 20%", Rate = 0.2m, CountryCode = "FR", PriceIncluded = true }));
        context.Dialogs.WaitForAssertion(() => Assert.Contains(expected, Dialog().TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await context.ReadAsync(db => db.TaxMappings.CountAsync()));
    }

    [Fact]
    public async Task Picking_the_odoo_tax_saves_the_mapping_and_lists_it_by_odoos_name()
    {
        var page = await RenderAsync("taxes", "?title=TVA%2020%25&rate=0.2&country=FR&included=true", odooConnected: true);
        Dialog();

        await context.PickAsync(Dialog(), "Odoo sale tax", "TVA 20% TTC (20 %, included, France)");
        await ClickInDialogAsync("Save");

        page.WaitForAssertion(() => Assert.Contains("The tax TVA 20% is mapped.", context.Snackbars()));
        Assert.Empty(context.Dialogs.FindAll(".mud-dialog"));
        var saved = await context.ReadAsync(db => db.TaxMappings.SingleAsync());
        Assert.Equal(("TVA 20%", 0.2m, "FR", true, context.StoreId), (saved.Title, saved.Rate, saved.CountryCode, saved.PriceIncluded, saved.StoreId));
        page.WaitForAssertion(() => Assert.Equal(["TVA 20%", "0.2", "FR", "Yes", "TVA 20% TTC"],
            page.FindAll("[data-testid=mappings] tbody td").Take(5).Select(td => td.TextContent.Trim())));
    }

    [Fact]
    public async Task A_sku_from_a_jobs_fix_link_opens_the_link_dialog_and_it_needs_a_product()
    {
        var page = await RenderAsync("products", "?sku=ABC-1");

        Assert.Equal("ABC-1", Field("SKU").GetAttribute("value"));
        await ClickInDialogAsync("Save");

        var expected = Assert.Single(await MessagesAsync(new ProductLinkForm { Sku = "ABC-1" }));
        context.Dialogs.WaitForAssertion(() => Assert.Contains(expected, Dialog().TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await context.ReadAsync(db => db.RecordLinks.CountAsync()));
        page.WaitForElement("[data-testid=product-links]");
    }

    [Fact]
    public async Task A_sku_is_linked_to_the_product_found_by_its_reference()
    {
        var page = await RenderAsync("products", "?sku=ABC-1", odooConnected: true);

        await Field("Odoo product").InputAsync(new() { Value = "FURN_7777" });
        var found = context.Popovers.WaitForElements(".mud-popover-open .mud-list-item", TimeSpan.FromSeconds(10));
        await found.Single(i => i.TextContent.Contains("Office Chair", StringComparison.Ordinal)).ClickAsync(new());
        await ClickInDialogAsync("Save");

        page.WaitForAssertion(() => Assert.Contains("The SKU ABC-1 is linked.", context.Snackbars()));
        var link = await context.ReadAsync(db => db.RecordLinks.SingleAsync());
        Assert.Equal((RecordLinkKind.Variant, "sku:ABC-1", "product.product"), (link.Kind, link.StoreKey, link.OdooModel));
        page.WaitForAssertion(() => Assert.Contains("Office Chair", page.Find("[data-testid=product-links]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Contains("SKU ABC-1", page.Find("[data-testid=product-links]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shipping", "?method=express%20%26%20co", "Shipping method", "express & co")]
    [InlineData("journals", "?gateway=paypal", "Payment gateway", "paypal")]
    public async Task A_method_or_gateway_from_a_jobs_fix_link_opens_the_add_dialog_with_it(string kind, string query, string label, string expected)
    {
        await RenderAsync(kind, query);

        Assert.Equal(expected, Field(label).GetAttribute("value"));
    }

    [Fact]
    public async Task A_shipping_method_needs_a_carrier_or_a_product()
    {
        var page = await RenderAsync("shipping");
        var adding = ClickAsync(page, "Add shipping mapping");

        await Field("Shipping method").ChangeAsync(new() { Value = "standard" });
        await ClickInDialogAsync("Save");

        var expected = Assert.Single(await MessagesAsync(new ShippingMappingForm { Method = "standard" }));
        context.Dialogs.WaitForAssertion(() => Assert.Contains(expected, Dialog().TextContent, StringComparison.Ordinal));
        await ClickInDialogAsync("Cancel");
        await adding;
        Assert.Equal(0, await context.ReadAsync(db => db.ShippingMappings.CountAsync()));
    }

    [Fact]
    public async Task A_location_needs_its_store_id_name_and_an_odoo_warehouse_or_location()
    {
        var page = await RenderAsync("locations");
        _ = ClickAsync(page, "Add location mapping");

        Assert.True(Dialog().QuerySelector("input[type=checkbox]")!.HasAttribute("checked"));
        await ClickInDialogAsync("Save");

        var expected = await MessagesAsync(new LocationMappingForm());
        Assert.Equal(3, expected.Count);
        context.Dialogs.WaitForAssertion(() => Assert.All(expected, message => Assert.Contains(message, Dialog().TextContent, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_gateway_mapped_already_is_refused_in_the_dialog_which_stays_open()
    {
        context = await StoreSettingsContext.StartAsync(TenantRole.Owner, odooConnected: true);
        await using (var scope = context.Pages.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterAsMember(context.Pages.TenantId, "owner", "owner@alpha.test", TenantRole.Owner);
            await scope.ServiceProvider.GetRequiredService<PaymentJournalMappings>().AddAsync(context.StoreId, new PaymentJournalMappingForm { Gateway = "paypal", OdooJournalId = 6 });
        }

        var page = Render("journals");
        page.WaitForElement("[data-testid=mappings] tr[data-mapping=paypal]");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=odoo-loading]")), TimeSpan.FromSeconds(10));
        var adding = ClickAsync(page, "Add journal mapping");
        await Field("Payment gateway").ChangeAsync(new() { Value = "paypal" });
        await context.PickAsync(Dialog(), "Odoo journal", "Bank");
        await ClickInDialogAsync("Save");

        context.Dialogs.WaitForAssertion(() => Assert.Contains("This store already maps this gateway", context.Dialogs.Find("[data-testid=mapping-refusal]").TextContent, StringComparison.Ordinal));
        Assert.Equal("paypal", Field("Payment gateway").GetAttribute("value"));
        await Field("Payment gateway").ChangeAsync(new() { Value = "gift_card" });
        await ClickInDialogAsync("Save");
        await adding;

        Assert.Equal(["gift_card", "paypal"], await context.ReadAsync(db => db.PaymentJournalMappings.OrderBy(m => m.Gateway).Select(m => m.Gateway).ToListAsync()));
        page.WaitForAssertion(() => Assert.Equal("Bank", page.Find("[data-testid=mappings] tr[data-mapping=gift_card] td:nth-child(2)").TextContent.Trim()));
    }

    [Fact]
    public async Task A_viewer_sees_the_mappings_but_no_way_to_change_them_even_from_a_fix_link()
    {
        context = await StoreSettingsContext.StartAsync(TenantRole.Viewer, odooConnected: false);
        await using (var db = context.Pages.Services.GetRequiredService<Portal.Data.PortalDbContextActivator>().Create(TenantContext.SystemFor(context.Pages.TenantId)))
        {
            db.TaxMappings.Add(new TaxMapping { StoreId = context.StoreId, Title = "VAT", Rate = 0.2m, OdooTaxId = 4 });
            await db.SaveChangesAsync();
        }

        var page = Render("taxes", "?title=GST&rate=0.1");

        page.WaitForElement("[data-testid=odoo-problem]");
        Assert.Equal(["VAT", "0.2", "Any", "No", "Odoo record #4"], page.FindAll("[data-testid=mappings] tbody td").Select(td => td.TextContent.Trim()));
        Assert.Empty(context.Dialogs.FindAll(".mud-dialog"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Add tax mapping" or "Edit" or "Remove");
    }

    [Fact]
    public async Task An_unknown_kind_is_not_found()
    {
        var page = await RenderAsync("discounts");

        Assert.Contains("This store does not exist in this tenant, or it was removed, or it has no such mappings.", page.Markup, StringComparison.Ordinal);
    }
}
