using Microsoft.Playwright;
using Portal.Fakes.Odoo;

namespace Portal.Browser.Tests;

/// <summary>
/// A job fails for a reason a person must fix (Odoo rejects the stored API key, found by the background
/// connection check); the owner follows the inspector's Fix link, replaces the key, retries the job from the
/// inspector and watches it succeed.
/// </summary>
public class FailedJobRetryTests
{
    private const string Email = "owner@alpha.test";
    private const string Password = "a long enough password";

    [Fact]
    public async Task A_parked_job_is_fixed_and_retried_from_the_inspector()
    {
        await using var odoo = await FakeOdooServer.StartAsync(17);
        await using var portal = await PortalProcess.StartWithOwnerAsync(Email, Password, "Alpha Outfitters", new Dictionary<string, string>
        {
            ["Health__CheckInterval"] = "00:00:02",
            ["Jobs__PollInterval"] = "00:00:00.500",
        });
        await using var session = await BrowserSession.OpenAsync(portal.BaseAddress);

        await session.RunAsync(nameof(A_parked_job_is_fixed_and_retried_from_the_inspector), portal, async page =>
        {
            await BrowserSession.SignInAsync(page, Email, Password);
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Odoo connection" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await OdooConnectionForm.FillAsync(page, odoo, "admin", "an-api-key-that-was-revoked");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Odoo connection saved.")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            var parked = page.GetByTestId("jobs-grid").Locator("tbody tr", new() { HasText = "Connection check" });
            await Assertions.Expect(parked).ToContainTextAsync("Needs attention", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("failure-group")).ToContainTextAsync("1 job blocked (Configuration)");

            await parked.GetByRole(AriaRole.Link, new() { Name = "Fix" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Odoo connection" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Replace" }).ClickAsync();
            await page.GetByLabel("API key").FillAsync(FakeOdooSeed.AdminApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Odoo connection saved.")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await parked.ClickAsync();
            var detail = page.GetByTestId("job-detail");
            await Assertions.Expect(detail).ToContainTextAsync("Odoo refused the login 'admin'");
            await detail.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Connection check will run again now.")).ToBeVisibleAsync();

            await Assertions.Expect(detail.Locator("[data-state]").First).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 30_000 });
            await Assertions.Expect(detail.GetByTestId("job-history")).ToContainTextAsync(Email);
            await Assertions.Expect(page.GetByTestId("failure-group")).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "Close job detail" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Health" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("health-checks").Locator("tr[data-target=odoo]")).ToContainTextAsync("Working");
        });
    }
}
