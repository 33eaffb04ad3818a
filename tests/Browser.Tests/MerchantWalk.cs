using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Fakes.Odoo;
using Portal.Fakes.Sandbox;

namespace Portal.Browser.Tests;

/// <summary>
/// The steps of <see cref="MerchantWalkTests"/>, one method each, as a merchant takes them in the browser. Every
/// step checks axe on what it shows and saves a screenshot under TestResults/tour, from where the good ones are
/// copied to docs/tour for the README's tour.
/// </summary>
internal sealed class MerchantWalk(IPage page, DemoSandbox sandbox)
{
    public const string Email = "owner@sandbox.test";
    public const string Password = "a long enough password";
    private const string StoreName = "Sandbox Shopify";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // MudBlazor 8 renders the dialog element without an accessible name (see AccessibilityTests); everything else is checked.
    private static readonly AxeRunOptions DialogRules = new() { Rules = new() { ["aria-dialog-name"] = new() { Enabled = false } } };

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "tour");

    private ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    private ILocator FailureGroup => page.GetByTestId("failure-group").Filter(new() { HasText = $"No tax mapping for '{SandboxOrders.SalesTax.Title}'" });

    public async Task SignInAsync()
    {
        await BrowserSession.SignInAsync(page, Email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sandbox Outfitters" })).ToBeVisibleAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await CheckAsync("dashboard", "01-dashboard");
    }

    public async Task AddOdooAsync()
    {
        await GoToAsync("Odoo connection");
        await OdooConnectionForm.FillAsync(page, sandbox.Odoo, "admin", FakeOdooSeed.AdminApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-result")).ToContainTextAsync($"Connected to Odoo {DemoSandbox.OdooMajor}");
        await CheckAsync("Odoo connection page", "02-odoo-connection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Odoo connection saved.")).ToBeVisibleAsync();
    }

    public async Task AddShopifyStoreAsync()
    {
        await GoToAsync("Stores");
        await CheckAsync("Stores page", null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect Shopify store" }).ClickAsync();
        await Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(StoreName);
        await Dialog.GetByLabel("Shop", new() { Exact = true }).FillAsync(sandbox.Shopify.Url.AbsoluteUri);
        await Dialog.GetByLabel("Admin API access token").FillAsync(sandbox.Shopify.AccessToken);
        await Dialog.GetByLabel("App API secret key").FillAsync(sandbox.Shopify.ClientSecret);
        await CheckDialogAsync("Connect Shopify store dialog", "03-connect-shopify");
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Connected to")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("stores").Locator("tr", new() { HasText = StoreName })).ToContainTextAsync("Connected");
        await ShotAsync("04-stores");

        // The portal registers the shop's webhooks in the background; orders are announced through them.
        await UntilAsync(() => sandbox.Shopify.WebhookSubscriptions.Any(s => s.Topic == "ORDERS_CREATE"), "the portal to register the shop's orders/create webhook");
    }

    /// <summary>The tax wizard lists the tax of the shop's past orders, says none of them maps yet, and suggests Odoo's 5 % tax.</summary>
    public async Task MapTaxAsync()
    {
        await OpenMappingsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Map from recent orders" }).ClickAsync();
        await Assertions.Expect(Dialog.GetByTestId("wizard-preview")).ToContainTextAsync(
            $"Of the last {SandboxOrders.PastOrders} orders, 0 map cleanly; {SandboxOrders.PastOrders} use '{SandboxOrders.SalesTax.Title}'");
        await AcceptWizardAsync($"Odoo sale tax for {SandboxOrders.SalesTax.Title}", $"{SandboxOrders.SalesTaxInOdoo} (5 %)", "tax wizard", "05-map-tax");
        await Assertions.Expect(MappingRow(SandboxOrders.SalesTax.Title)).ToContainTextAsync(SandboxOrders.SalesTaxInOdoo);
    }

    /// <summary>The location wizard lists the shop's locations as Shopify does, with Odoo's only warehouse suggested.</summary>
    public async Task MapWarehouseAsync()
    {
        await OpenMappingKindAsync("Locations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Map the store's locations" }).ClickAsync();
        await AcceptWizardAsync($"Odoo warehouse for {SandboxCatalogue.ShopifyLocationName}", SandboxCatalogue.OdooWarehouse, "location wizard", "06-map-warehouse");
        await Assertions.Expect(MappingRow(SandboxCatalogue.ShopifyLocationName)).ToContainTextAsync(SandboxCatalogue.OdooWarehouse);
    }

    /// <summary>The journal wizard lists the gateway of the shop's past orders with the journal named like it suggested.</summary>
    public async Task MapJournalAsync()
    {
        await OpenMappingKindAsync("Payment journals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Map from recent orders" }).ClickAsync();
        await AcceptWizardAsync($"Odoo journal for {SandboxOrders.ShopifyGateway}", "Shopify Payments", "journal wizard", "07-map-journal");
        await Assertions.Expect(MappingRow(SandboxOrders.ShopifyGateway)).ToContainTextAsync("Shopify Payments");
    }

    /// <summary>
    /// The Features tab, once it has checked the mappings against the shop's recent orders: the flows are on and none
    /// reports a missing mapping, so orders can import.
    /// </summary>
    public async Task EnableFeaturesAsync()
    {
        await GoToAsync("Stores");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Settings of {StoreName}" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Features" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Checking the store's mappings" })).ToHaveCountAsync(0);
        foreach (var flow in new[] { "Orders", "Customers", "Payments" })
        {
            await Assertions.Expect(page.Locator($"[data-feature={flow}] input[type=checkbox]")).ToBeCheckedAsync();
        }

        await Assertions.Expect(page.GetByTestId("feature-blocked")).ToHaveCountAsync(0);
        await CheckAsync("Features tab", "07b-features");
    }

    /// <summary>Places an order in the shop through the sandbox's control endpoint, as the README tells a person to.</summary>
    public async Task<SandboxPlacedOrder> SendOrderAsync()
    {
        using var client = new HttpClient { BaseAddress = sandbox.ControlUrl };
        using var response = await client.PostAsync(new Uri("shopify/orders", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<SandboxPlacedOrder>();
        Assert.NotNull(order);
        Assert.True(order.Announced, "The shop had no orders/create webhook of the portal to announce the order to.");
        return order;
    }

    public async Task SeeSaleOrderInOdooAsync(SandboxPlacedOrder order)
    {
        // The sale order is created as a quotation, then confirmed.
        await UntilAsync(() => sandbox.Odoo.Records.SaleOrders().Any(o => o.ClientOrderRef == order.Name && o.State == "sale"), $"a confirmed sale order for {order.Name} in Odoo");
        var saleOrder = sandbox.Odoo.Records.SaleOrders().Single(o => o.ClientOrderRef == order.Name);
        Assert.Equal(["MUG-001", "SOCKS-3PK"], saleOrder.Lines.Select(l => l.Sku));
    }

    public async Task SeeOrderSucceededOnJobsPageAsync(SandboxPlacedOrder order, string screenshot)
    {
        await GoToAsync("Jobs");
        await Assertions.Expect(OrderJob(order).Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 30_000 });
        await CheckAsync("Jobs page", screenshot);
    }

    public async Task BreakTaxMappingAsync()
    {
        await OpenMappingsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {SandboxOrders.SalesTax.Title}" }).ClickAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mappings-empty")).ToBeVisibleAsync();
        await ShotAsync("09-tax-mapping-removed");
    }

    public async Task SeeParkedGroupAsync(SandboxPlacedOrder order)
    {
        await GoToAsync("Jobs");
        await Assertions.Expect(OrderJob(order)).ToContainTextAsync("Needs attention", new() { Timeout = 30_000 });
        await Assertions.Expect(FailureGroup).ToContainTextAsync("1 job blocked (Configuration)");
        await CheckAsync("Jobs page with a failure group", "10-blocked-by-tax");
    }

    /// <summary>The group's Fix link opens the tax mappings with the missing tax filled in; only the Odoo tax is left to choose.</summary>
    public async Task FixTaxMappingFromGroupAsync()
    {
        await FailureGroup.Locator("a", new() { HasText = "Fix" }).ClickAsync();
        await Assertions.Expect(Dialog.GetByLabel("Title")).ToHaveValueAsync(SandboxOrders.SalesTax.Title);
        await PickAsync("Odoo sale tax", $"{SandboxOrders.SalesTaxInOdoo} (5 %)");
        await CheckDialogAsync("tax mapping dialog opened by Fix", "11-fix-tax-mapping");
        await SaveMappingAsync(SandboxOrders.SalesTax.Title, SandboxOrders.SalesTaxInOdoo);

        // The page offers to retry the job now that its mapping is there; the walk retries the group from the Jobs page instead.
        await Assertions.Expect(page.GetByTestId("retry-offer")).ToContainTextAsync("1 job waits for the store's tax mappings.");
    }

    public async Task RetryAllAsync()
    {
        await GoToAsync("Jobs");
        await FailureGroup.GetByRole(AriaRole.Button, new() { Name = "Retry all 1" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 job will run again now.")).ToBeVisibleAsync();
        await Assertions.Expect(FailureGroup).ToHaveCountAsync(0);
        await ShotAsync("12-retry-all");
    }

    private ILocator OrderJob(SandboxPlacedOrder order) =>
        page.GetByTestId("jobs-grid").Locator("tbody tr").Filter(new() { HasText = $"Order {order.Name}" }).Filter(new() { HasText = "orders.sync" });

    private async Task GoToAsync(string link)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The store's tax mappings, reached from the Stores list, with Odoo's taxes read.</summary>
    private async Task OpenMappingsAsync()
    {
        await GoToAsync("Stores");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Mappings of {StoreName}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Taxes of {StoreName}" })).ToBeVisibleAsync();
        await WaitForOdooChoicesAsync("tax mappings page");
    }

    private async Task OpenMappingKindAsync(string kind)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Mappings" }).GetByRole(AriaRole.Link, new() { Name = kind, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{kind} of {StoreName}" })).ToBeVisibleAsync();
        await WaitForOdooChoicesAsync($"{kind} mappings page");
    }

    // A mapping dialog offers the Odoo records the page read when it opened, so it is opened only once they are there.
    private async Task WaitForOdooChoicesAsync(string where)
    {
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("odoo-loading")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("odoo-problem")).ToHaveCountAsync(0);
        await CheckAsync(where, null);
    }

    /// <summary>Opens the select labelled <paramref name="label"/> in the dialog and picks the item with that text.</summary>
    private async Task PickAsync(string label, string item)
    {
        var select = Dialog.Locator(".mud-input-control.mud-select").Filter(new() { HasText = label });
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(select).ToContainTextAsync(item);
    }

    private async Task SaveMappingAsync(string row, string odooName)
    {
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Dialog).ToBeHiddenAsync();
        await Assertions.Expect(MappingRow(row)).ToContainTextAsync(odooName);
    }

    private ILocator MappingRow(string text) => page.GetByTestId("mappings").Locator("tr", new() { HasText = text });

    /// <summary>Checks the wizard suggests <paramref name="suggestion"/> in the select <paramref name="label"/> names, and saves the suggestions.</summary>
    private async Task AcceptWizardAsync(string label, string suggestion, string where, string screenshot)
    {
        await Assertions.Expect(Dialog.Locator(".mud-input-control.mud-select").Filter(new() { HasText = label })).ToContainTextAsync(suggestion);
        await CheckDialogAsync(where, screenshot);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save mappings" }).ClickAsync();
        await Assertions.Expect(Dialog).ToBeHiddenAsync();
    }

    private async Task CheckAsync(string where, string? screenshot)
    {
        await DismissMessagesAsync();
        AccessibilityTests.AssertNoSeriousViolations(where, await page.RunAxe());
        if (screenshot is not null)
        {
            await ShotAsync(screenshot);
        }
    }

    private async Task CheckDialogAsync(string where, string screenshot)
    {
        await DismissMessagesAsync();
        AccessibilityTests.AssertNoSeriousViolations(where, await page.RunAxe(DialogRules));
        await ShotAsync(screenshot);
    }

    /// <summary>
    /// Closes the snackbars a previous step left, as a person does: axe measures text against its background, and
    /// a message still fading in or out is drawn half transparent, which reads as too little contrast.
    /// </summary>
    private async Task DismissMessagesAsync()
    {
        var messages = page.Locator(".mud-snackbar");
        foreach (var close in await messages.Locator("button").AllAsync())
        {
            try
            {
                await close.ClickAsync(new() { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                // The message closed on its own since the list was read.
            }
        }

        await Assertions.Expect(messages).ToHaveCountAsync(0);
    }

    private async Task ShotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png") });
    }

    /// <summary>Polls the fakes' state until <paramref name="condition"/> holds, failing after <see cref="Deadline"/>.</summary>
    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {Deadline.TotalSeconds} s for {what}.");
            }
        }
    }
}
