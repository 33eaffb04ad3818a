using System.Net;
using Portal.Auth;
using Portal.Endpoints;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Configuration;

public class ConfigurationExportTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    [Theory]
    [InlineData("alice@alpha.test")]
    [InlineData("adam@alpha.test")]
    public async Task Owners_and_admins_download_the_tenants_document_without_its_secrets(string email)
    {
        using var browser = await fixture.SignedInAsync(email);

        using var response = await browser.GetAsync(ConfigurationEndpoints.ExportPath(fixture.Alpha));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tenant-config.json", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(TwoTenantsFixture.AlphaOdooUrl, body, StringComparison.Ordinal);
        Assert.Contains("\"env\": \"ODOO_API_KEY\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoTenantsFixture.AlphaApiKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoTenantsFixture.BravoOdooUrl, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fiona@alpha.test", HttpStatusCode.Forbidden)]
    [InlineData("vera@alpha.test", HttpStatusCode.Forbidden)]
    [InlineData("bob@bravo.test", HttpStatusCode.NotFound)]
    public async Task Others_get_no_document(string email, HttpStatusCode expected)
    {
        using var browser = await fixture.SignedInAsync(email);

        using var response = await browser.GetAsync(TenantRoute.For(fixture.Alpha, "configuration/export"));

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(TwoTenantsFixture.AlphaOdooUrl, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
