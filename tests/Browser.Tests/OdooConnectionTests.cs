using Microsoft.Playwright;
using Portal.Fakes.Odoo;

namespace Portal.Browser.Tests;

/// <summary>An owner connects the tenant to Odoo (the fake Odoo 17 on 127.0.0.1) and sees what works.</summary>
public class OdooConnectionTests
{
    private const string Email = "owner@alpha.test";
    private const string Password = "a long enough password";

    [Fact]
    public async Task An_owner_tests_the_connection_saves_it_and_sees_missing_rights_for_a_weaker_user()
    {
        await using var odoo = await FakeOdooServer.StartAsync(17);
        await using var portal = await PortalProcess.StartWithOwnerAsync(Email, Password, "Alpha Outfitters");
        await using var session = await BrowserSession.OpenAsync(portal.BaseAddress);

        await session.RunAsync(nameof(An_owner_tests_the_connection_saves_it_and_sees_missing_rights_for_a_weaker_user), portal, async page =>
        {
            await BrowserSession.SignInAsync(page, Email, Password);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha Outfitters" })).ToBeVisibleAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Odoo connection" }).ClickAsync();
            await BrowserSession.WaitForInteractiveAsync(page);

            await OdooConnectionForm.FillAsync(page, odoo, "admin", FakeOdooSeed.AdminApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection-result")).ToContainTextAsync("Connected to Odoo 17.0-20240709 (Community) over JsonRpc as Mitchell Admin");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Odoo connection saved.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("api-key-masked")).ToHaveValueAsync("••••••••••••");

            await page.GetByLabel("Login").FillAsync("viewer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Replace" }).ClickAsync();
            await page.GetByLabel("API key").FillAsync(FakeOdooSeed.ViewerApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection-result")).ToContainTextAsync("lacks");
            await Assertions.Expect(page.GetByTestId("permission-report")).ToContainTextAsync("sale.order");
            await Assertions.Expect(page.GetByTestId("permission-report")).ToContainTextAsync("missing");
        });
    }
}
