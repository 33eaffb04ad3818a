using System.Net;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

/// <summary>Roles are enforced by the server: pages answer 403, and the services refuse, whatever the browser shows.</summary>
public class RoleTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    [Theory]
    [InlineData("alice@alpha.test", HttpStatusCode.OK)]
    [InlineData("adam@alpha.test", HttpStatusCode.Forbidden)]
    [InlineData("fiona@alpha.test", HttpStatusCode.Forbidden)]
    [InlineData("vera@alpha.test", HttpStatusCode.Forbidden)]
    public async Task Only_owners_open_the_members_page(string email, HttpStatusCode expected)
    {
        using var browser = await fixture.SignedInAsync(email);

        var (status, body) = await browser.GetPageAsync(TenantRoute.For(fixture.Alpha, "users"));

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("Access denied", body, StringComparison.Ordinal);
            Assert.DoesNotContain("alice@alpha.test", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("alice@alpha.test", true)]
    [InlineData("adam@alpha.test", true)]
    [InlineData("fiona@alpha.test", false)]
    [InlineData("vera@alpha.test", false)]
    public async Task Everyone_reads_the_Odoo_connection_but_only_owners_and_admins_get_a_save_button(string email, bool canSave)
    {
        using var browser = await fixture.SignedInAsync(email);

        var (status, body) = await browser.GetPageAsync(TenantRoute.For(fixture.Alpha, "odoo"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(TwoTenantsFixture.AlphaOdooUrl, body, StringComparison.Ordinal);
        Assert.Equal(canSave, body.Contains(">Save<", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("alice@alpha.test", HttpStatusCode.OK)]
    [InlineData("adam@alpha.test", HttpStatusCode.OK)]
    [InlineData("fiona@alpha.test", HttpStatusCode.Forbidden)]
    [InlineData("vera@alpha.test", HttpStatusCode.Forbidden)]
    public async Task Owners_and_admins_read_the_activity_page(string email, HttpStatusCode expected)
    {
        using var browser = await fixture.SignedInAsync(email);

        var (status, body) = await browser.GetPageAsync(TenantRoute.For(fixture.Alpha, "activity"));

        Assert.Equal(expected, status);
        Assert.Contains(expected == HttpStatusCode.OK ? "Every change people made" : "Access denied", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_members_link_is_shown_to_owners_only()
    {
        using var owner = await fixture.SignedInAsync("alice@alpha.test");
        using var viewer = await fixture.SignedInAsync("vera@alpha.test");

        var (_, ownerPage) = await owner.GetPageAsync(TenantRoute.For(fixture.Alpha));
        var (_, viewerPage) = await viewer.GetPageAsync(TenantRoute.For(fixture.Alpha));

        Assert.Contains(">Members<", ownerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Members<", viewerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_owners_may_create_tenants()
    {
        using var owner = await fixture.SignedInAsync("alice@alpha.test");
        using var admin = await fixture.SignedInAsync("adam@alpha.test");

        Assert.Equal(HttpStatusCode.OK, (await owner.GetPageAsync("/tenants/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetPageAsync("/tenants/new")).Status);
    }
}
