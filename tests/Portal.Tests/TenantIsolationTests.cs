using System.Net;
using Portal.Auth;
using Portal.Sync.Odoo.Connection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

/// <summary>A member of Alpha gets nothing of Bravo: not through any page, not through the services.</summary>
public class TenantIsolationTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    [Fact]
    public void The_tenant_pages_are_discovered()
    {
        Assert.Contains("/t/{TenantId:guid}", TenantPageRoutes.Templates);
        Assert.Contains("/t/{TenantId:guid}/odoo", TenantPageRoutes.Templates);
        Assert.Contains("/t/{TenantId:guid}/users", TenantPageRoutes.Templates);
    }

    [Theory]
    [MemberData(nameof(TenantPageRoutes.All), MemberType = typeof(TenantPageRoutes))]
    public async Task Every_page_of_another_tenant_answers_404_and_shows_none_of_its_data(string template)
    {
        using var alice = await fixture.SignedInAsync("alice@alpha.test");

        var (status, body) = await alice.GetPageAsync(TenantPageRoutes.For(template, fixture.Bravo, fixture.BravoStore));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bravo", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoTenantsFixture.BravoOdooUrl, body, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@bravo.test", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TenantPageRoutes.All), MemberType = typeof(TenantPageRoutes))]
    public async Task Every_page_of_ones_own_tenant_renders(string template)
    {
        using var alice = await fixture.SignedInAsync("alice@alpha.test");

        var (status, body) = await alice.GetPageAsync(TenantPageRoutes.For(template, fixture.Alpha, fixture.AlphaStore));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Bravo", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("settings")]
    [InlineData("mappings/taxes")]
    [InlineData("mappings/products")]
    public async Task Another_tenants_store_is_not_found_from_ones_own_tenant(string page)
    {
        using var alice = await fixture.SignedInAsync("alice@alpha.test");

        var (_, foreign) = await alice.GetPageAsync(TenantRoute.For(fixture.Alpha, $"stores/{fixture.BravoStore}/{page}"));
        var (_, own) = await alice.GetPageAsync(TenantRoute.For(fixture.Alpha, $"stores/{fixture.AlphaStore}/{page}"));

        Assert.Contains("This store does not exist in this tenant", foreign, StringComparison.Ordinal);
        Assert.DoesNotContain("Bravo", foreign, StringComparison.Ordinal);
        Assert.Contains("Alpha Shop", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_data_is_rendered_so_the_absence_of_the_other_tenants_data_means_something()
    {
        using var alice = await fixture.SignedInAsync("alice@alpha.test");

        var (_, dashboard) = await alice.GetPageAsync(TenantRoute.For(fixture.Alpha));
        var (_, odoo) = await alice.GetPageAsync(TenantRoute.For(fixture.Alpha, "odoo"));

        Assert.Contains("Alpha Outfitters", dashboard, StringComparison.Ordinal);
        Assert.Contains(TwoTenantsFixture.AlphaOdooUrl, dashboard, StringComparison.Ordinal);
        Assert.Contains(TwoTenantsFixture.AlphaOdooUrl, odoo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_that_does_not_exist_answers_404()
    {
        using var alice = await fixture.SignedInAsync("alice@alpha.test");

        var (status, _) = await alice.GetPageAsync(TenantRoute.For(Guid.NewGuid(), "odoo"));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in_without_learning_anything()
    {
        using var anonymous = fixture.Host.NewBrowser();

        using var response = await anonymous.GetAsync(TenantRoute.For(fixture.Bravo, "odoo"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", PortalBrowser.RedirectTarget(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenant_list_of_a_user_holds_only_their_tenants()
    {
        await using var scope = fixture.Host.ScopeAsUser(fixture.AliceId, "alice@alpha.test");

        var tenants = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ListMineAsync();

        Assert.Equal(["Alpha Outfitters"], tenants.Select(t => t.Name));
    }

    [Fact]
    public async Task Membership_lookup_finds_no_role_in_a_foreign_tenant()
    {
        var lookup = fixture.Host.Services.GetRequiredService<MembershipLookup>();

        Assert.Equal(Data.Entities.TenantRole.Owner, await lookup.FindRoleAsync(fixture.AliceId, fixture.Alpha));
        Assert.Null(await lookup.FindRoleAsync(fixture.AliceId, fixture.Bravo));
    }

    [Fact]
    public async Task Services_in_one_tenant_read_only_that_tenants_data()
    {
        await using var scope = fixture.Host.ScopeAsMember(fixture.Alpha, Data.Entities.TenantRole.Owner);

        var connection = await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().GetAsync();
        var (members, total) = await scope.ServiceProvider.GetRequiredService<TeamService>().ListAsync(0, 50);

        Assert.Equal(TwoTenantsFixture.AlphaOdooUrl, connection!.Url);
        Assert.Equal(4, total);
        Assert.DoesNotContain(members, m => m.Email == "bob@bravo.test");
    }
}
