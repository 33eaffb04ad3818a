using System.Net;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class SignInTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    [Fact]
    public async Task The_right_password_signs_in_and_returns_to_the_requested_page()
    {
        using var browser = fixture.Host.NewBrowser();
        var target = TenantRoute.For(fixture.Alpha, "odoo");

        using var response = await browser.SignInAsync("alice@alpha.test", TwoTenantsFixture.Password, target);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, PortalBrowser.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync(target)).Status);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var browser = fixture.Host.NewBrowser();

        using var response = await browser.SignInAsync("alice@alpha.test", TwoTenantsFixture.Password, "//evil.example.com/steal");

        Assert.Equal("/", PortalBrowser.RedirectTarget(response));
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_message()
    {
        using var browser = fixture.Host.NewBrowser();

        using var response = await browser.SignInAsync("alice@alpha.test", "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        await fixture.Host.AddUserAsync("locked@alpha.test", TwoTenantsFixture.Password);
        using var browser = fixture.Host.NewBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await browser.SignInAsync("locked@alpha.test", $"wrong guess {attempt}");
        }

        using var response = await browser.SignInAsync("locked@alpha.test", TwoTenantsFixture.Password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked after too many failed sign-ins", body, StringComparison.Ordinal);
        Assert.Contains("15 minutes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = await fixture.SignedInAsync("vera@alpha.test");
        using var logout = await browser.SubmitFormAsync(TenantRoute.For(fixture.Alpha), new Dictionary<string, string>(), "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var after = await browser.GetAsync(TenantRoute.For(fixture.Alpha));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", PortalBrowser.RedirectTarget(after), StringComparison.Ordinal);
    }
}
