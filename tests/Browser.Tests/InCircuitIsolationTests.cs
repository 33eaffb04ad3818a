using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>
/// Navigation inside a live Blazor page sends no HTTP request, so the HTTP checks never see it; the tenant
/// gate must refuse foreign tenants there too.
/// </summary>
public class InCircuitIsolationTests
{
    private const string OwnerEmail = "owner@alpha.test";
    private const string Password = "a long enough password";

    [Fact]
    public async Task An_invited_viewer_sees_nothing_of_another_tenant_even_when_navigating_inside_the_live_page()
    {
        await using var portal = await PortalProcess.StartWithOwnerAsync(OwnerEmail, Password, "Alpha Outfitters");
        await using var owner = await BrowserSession.OpenAsync(portal.BaseAddress);
        string alphaUrl = "", bravoUrl = "", invitation = "";

        await owner.RunAsync("owner-invites-viewer", portal, async page =>
        {
            await BrowserSession.SignInAsync(page, OwnerEmail, Password);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha Outfitters" })).ToBeVisibleAsync();
            alphaUrl = new Uri(page.Url).AbsolutePath;

            await page.GotoAsync("/tenants/new");
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByLabel("Name").FillAsync("Bravo Bikes");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bravo Bikes" })).ToBeVisibleAsync();
            bravoUrl = new Uri(page.Url).AbsolutePath;

            await page.GotoAsync($"{alphaUrl}/users");
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Email").FillAsync("vera@alpha.test");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
            invitation = await page.GetByLabel("Invitation link").InputValueAsync();
            Assert.Contains("/account/invite?email=vera%40alpha.test&code=", invitation, StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("members-grid")).ToContainTextAsync("vera@alpha.test");
            await Assertions.Expect(page.GetByTestId("members-grid")).ToContainTextAsync("Invited");

            await page.GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("activity-grid")).ToContainTextAsync("member.invited");
            await Assertions.Expect(page.GetByTestId("activity-grid")).ToContainTextAsync("vera@alpha.test");
        });

        await using var viewer = await BrowserSession.OpenAsync(portal.BaseAddress);
        await viewer.RunAsync("viewer-navigates-in-circuit", portal, async page =>
        {
            await page.GotoAsync(invitation);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("vera's own password");
            await page.GetByLabel("Password again").FillAsync("vera's own password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha Outfitters" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("with the role Viewer")).ToBeVisibleAsync();
            await BrowserSession.WaitForInteractiveAsync(page);

            await NavigateInsideTheCircuitAsync(page, bravoUrl);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Bravo Bikes");

            await NavigateInsideTheCircuitAsync(page, $"{alphaUrl}/users");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(OwnerEmail);

            await NavigateInsideTheCircuitAsync(page, $"{alphaUrl}/odoo");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Odoo connection" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        });
    }

    // Blazor's own client-side navigation: the circuit renders the new page without a request to the server.
    private static async Task NavigateInsideTheCircuitAsync(IPage page, string path)
    {
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
    }
}
