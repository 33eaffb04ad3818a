using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Fakes.WooCommerce;

namespace Portal.Browser.Tests;

/// <summary>
/// An owner connects a WooCommerce site on the Stores page; the portal registers its webhooks there, the
/// health page shows them working, and an order the site sends shows up as a job.
/// </summary>
public class StoreConnectionTests
{
    private const string Email = "owner@alpha.test";
    private const string Password = "a long enough password";
    private static readonly string[] MappingKinds = ["taxes", "shipping", "journals", "locations", "products"];

    private static readonly string[] StoreSections = ["stock", "products"];

    [Fact]
    public async Task A_site_connected_in_the_browser_gets_its_webhooks_and_its_orders_arrive_as_jobs()
    {
        await using var site = await FakeWooCommerceServer.StartAsync();
        await using var portal = await PortalProcess.StartWithOwnerAsync(Email, Password, "Alpha Outfitters", new Dictionary<string, string>
        {
            ["Stores__AllowLoopbackAddresses"] = "true",
            ["Jobs__PollInterval"] = "00:00:00.500",
        });
        await using var session = await BrowserSession.OpenAsync(portal.BaseAddress);

        await session.RunAsync(nameof(A_site_connected_in_the_browser_gets_its_webhooks_and_its_orders_arrive_as_jobs), portal, async page =>
        {
            await BrowserSession.SignInAsync(page, Email, Password);
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Stores" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Connect WooCommerce site" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("Wholesale");
            await dialog.GetByLabel("Site URL").FillAsync(site.Url.AbsoluteUri);
            await dialog.GetByLabel("Consumer key").FillAsync(site.ReadWriteKey.ConsumerKey);
            await dialog.GetByLabel("Consumer secret").FillAsync(site.ReadWriteKey.ConsumerSecret);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

            await Assertions.Expect(page.GetByText("Connected to")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("stores").Locator("tr", new() { HasText = "Wholesale" })).ToContainTextAsync("Connected");

            await page.GetByRole(AriaRole.Link, new() { Name = "Health" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            var subscriptions = page.GetByTestId("store-subscriptions");
            for (var attempt = 0; attempt < 30 && await subscriptions.CountAsync() == 0; attempt++)
            {
                // The page shows what the subscription job recorded when it loaded; the job runs in the background.
                await page.ReloadAsync();
                await BrowserSession.WaitForInteractiveAsync(page);
            }

            await Assertions.Expect(subscriptions.Locator("tr[data-topic='order.created']")).ToContainTextAsync("Active");
            Assert.Equal(3, site.Shop.Webhooks.Count);

            var order = site.Shop.AddOrder(DateTimeOffset.UtcNow);
            var delivery = await site.SendWebhookAsync(site.Shop.Webhooks.Single(w => w.Topic == "order.created").Id, order);
            Assert.Equal(200, delivery.Status);

            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("jobs-grid").Locator("tbody tr", new() { HasText = $"Order #{order}" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The site's order settings and mappings, where parked orders' Fix links lead, are readable by everyone.
            await page.GetByRole(AriaRole.Link, new() { Name = "Stores" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Settings of Wholesale" }).ClickAsync();
            await page.WaitForURLAsync("**/settings");

            // A fresh load, so axe reads the settings page rather than the list it was reached from.
            await page.ReloadAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            AccessibilityTests.AssertNoSeriousViolations("store settings page", await page.RunAxe());
            var settings = page.Url;
            foreach (var kind in MappingKinds)
            {
                await page.GotoAsync(settings.Replace("/settings", $"/mappings/{kind}", StringComparison.Ordinal));
                await BrowserSession.WaitForInteractiveAsync(page);
                AccessibilityTests.AssertNoSeriousViolations($"{kind} mappings page", await page.RunAxe());
            }

            // The site's stock and products pages, where Odoo's side of the catalogue and the stock rule are set.
            foreach (var section in StoreSections)
            {
                await page.GotoAsync(settings.Replace("/settings", $"/{section}", StringComparison.Ordinal));
                await BrowserSession.WaitForInteractiveAsync(page);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                AccessibilityTests.AssertNoSeriousViolations($"{section} page", await page.RunAxe());
            }
        });
    }
}
