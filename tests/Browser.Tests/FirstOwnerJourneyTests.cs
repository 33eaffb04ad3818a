using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>What a new merchant does on a fresh install, in a real browser against the real portal.</summary>
public class FirstOwnerJourneyTests
{
    private const string Email = "owner@alpha.test";
    private const string Password = "a long enough password";

    [Fact]
    public async Task Setup_sign_in_create_a_tenant_switch_tenants_and_sign_out()
    {
        await using var portal = await PortalProcess.StartAsync();
        await using var session = await BrowserSession.OpenAsync(portal.BaseAddress);

        await session.RunAsync(nameof(Setup_sign_in_create_a_tenant_switch_tenants_and_sign_out), portal, async page =>
        {
            await page.GotoAsync("/");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/setup$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up the portal" })).ToBeVisibleAsync();

            await page.GetByLabel("Company (your first tenant)").FillAsync("Alpha Outfitters");
            await page.GetByLabel("Your email").FillAsync(Email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Password again").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create owner" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/t/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha Outfitters" })).ToBeVisibleAsync();
            var alphaUrl = page.Url;

            await SignOutAsync(page);
            await Assertions.Expect(page.GetByText("You have signed out.")).ToBeVisibleAsync();

            await BrowserSession.SignInAsync(page, Email, "not my password");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
            await BrowserSession.SignInAsync(page, Email, Password);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha Outfitters" })).ToBeVisibleAsync();

            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByTestId("tenant-switcher").GetByRole(AriaRole.Button).ClickAsync();
            await page.GetByText("New tenant…").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tenants/new$"));
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.GetByLabel("Name").FillAsync("Bravo Bikes");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bravo Bikes" })).ToBeVisibleAsync();
            Assert.NotEqual(alphaUrl, page.Url);

            await page.GetByTestId("tenant-switcher").GetByRole(AriaRole.Button).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = "Alpha Outfitters" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha Outfitters" })).ToBeVisibleAsync();
            Assert.Equal(alphaUrl, page.Url);
            await Assertions.Expect(page.GetByTestId("tenant-switcher")).ToContainTextAsync("Alpha Outfitters");

            await SignOutAsync(page);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
            await page.GotoAsync(alphaUrl);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }
}
