using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class SecretsInUiTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    [Fact]
    public async Task The_Odoo_page_shows_the_stored_key_masked_never_in_clear()
    {
        using var owner = await fixture.SignedInAsync("alice@alpha.test");

        var (_, body) = await owner.GetPageAsync(TenantRoute.For(fixture.Alpha, "odoo"));

        Assert.DoesNotContain(TwoTenantsFixture.AlphaApiKey, body, StringComparison.Ordinal);
        Assert.Contains("••••••••••••", body, StringComparison.Ordinal);
        Assert.Contains(">Replace<", body, StringComparison.Ordinal);
    }
}
