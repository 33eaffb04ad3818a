using Microsoft.Playwright;
using Portal.Fakes.Odoo;

namespace Portal.Browser.Tests;

/// <summary>Fills the Odoo connection page's form for the fake Odoo, as a merchant types it.</summary>
internal static class OdooConnectionForm
{
    public static async Task FillAsync(IPage page, FakeOdooServer odoo, string login, string apiKey)
    {
        await page.GetByLabel("Odoo address").FillAsync(odoo.Url.ToString());
        await page.GetByLabel("Database").FillAsync(FakeOdooServer.DatabaseName);
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("API key").FillAsync(apiKey);
    }
}
