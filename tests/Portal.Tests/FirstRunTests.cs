using System.Net;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Entities;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class FirstRunTests
{
    private static Dictionary<string, string> SetupFields(string password = "a long enough password") => new()
    {
        ["Input.TenantName"] = "Harbour Goods",
        ["Input.Email"] = "owner@harbour.test",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task A_new_install_sends_everyone_to_setup_which_creates_the_first_owner_once()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var browser = host.NewBrowser();

        using (var home = await browser.GetAsync("/"))
        {
            Assert.Equal("/setup", PortalBrowser.RedirectTarget(home));
        }

        using var created = await browser.SubmitFormAsync("/setup", SetupFields());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var dashboard = PortalBrowser.RedirectTarget(created);
        Assert.StartsWith("/t/", dashboard, StringComparison.Ordinal);

        var (status, body) = await browser.GetPageAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Harbour Goods", body, StringComparison.Ordinal);

        using var stranger = host.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetPageAsync("/setup")).Status);
    }

    [Fact]
    public async Task Setup_applies_the_password_rules_and_says_what_is_wrong()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var browser = host.NewBrowser();

        using var refused = await browser.SubmitFormAsync("/setup", SetupFields(password: "short"));

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least 12 characters", body, StringComparison.Ordinal);
        Assert.Equal("/setup", PortalBrowser.RedirectTarget(await browser.GetAsync("/")));
    }

    [Fact]
    public async Task Without_bootstrap_settings_nobody_exists_so_there_is_no_default_password()
    {
        await using var host = await PortalTestHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();

        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().Users);
    }

    [Fact]
    public async Task Bootstrap_settings_create_the_first_owner_on_a_headless_install()
    {
        await using var host = await PortalTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "ops@harbour.test",
            ["Bootstrap:AdminPassword"] = "from the environment only",
            ["Bootstrap:TenantName"] = "Harbour Goods",
        });
        using var browser = host.NewBrowser();

        await browser.SignInOrFailAsync("ops@harbour.test", "from the environment only");

        using var home = await browser.GetAsync("/");
        var (_, dashboard) = await browser.GetPageAsync(PortalBrowser.RedirectTarget(home));
        Assert.Contains("Harbour Goods", dashboard, StringComparison.Ordinal);
        Assert.Contains("Owner", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_settings_that_break_the_password_rules_stop_the_start()
    {
        var host = await PortalTestHost.TryStartAsync(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "ops@harbour.test",
            ["Bootstrap:AdminPassword"] = "short",
        });

        Assert.Null(host);
    }
}
