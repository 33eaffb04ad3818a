using Portal.Data.Entities;
using Portal.Sync.Odoo.Connection;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One running portal with two merchants: Alpha (an owner, an admin, a finance user and a viewer) and
/// Bravo (its own owner). Each has an Odoo connection whose address names the merchant, so a page that
/// leaks the other tenant's data is visible in the HTML.
/// </summary>
public sealed class TwoTenantsFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";
    public const string AlphaOdooUrl = "https://alpha-erp.example.com";
    public const string BravoOdooUrl = "https://bravo-erp.example.com";
    public const string AlphaApiKey = "alpha-api-key-d41d8cd98f00b204";

    public PortalTestHost Host { get; private set; } = default!;

    public Guid Alpha { get; private set; }

    public Guid Bravo { get; private set; }

    public Guid AlphaStore { get; private set; }

    public Guid BravoStore { get; private set; }

    public string AliceId { get; private set; } = "";

    public string BobId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = await PortalTestHost.StartAsync();
        Alpha = await Host.AddTenantAsync("Alpha Outfitters");
        Bravo = await Host.AddTenantAsync("Bravo Bikes");
        AliceId = await Host.AddUserAsync("alice@alpha.test", Password);
        BobId = await Host.AddUserAsync("bob@bravo.test", Password);
        await Host.AddMembershipAsync(Alpha, AliceId, TenantRole.Owner);
        await Host.AddMembershipAsync(Bravo, BobId, TenantRole.Owner);
        foreach (var (email, role) in new[] { ("adam@alpha.test", TenantRole.Admin), ("fiona@alpha.test", TenantRole.Finance), ("vera@alpha.test", TenantRole.Viewer) })
        {
            await Host.AddMembershipAsync(Alpha, await Host.AddUserAsync(email, Password), role);
        }

        AlphaStore = await Host.AddStoreAsync(Alpha, "Alpha Shop");
        BravoStore = await Host.AddStoreAsync(Bravo, "Bravo Shop");
        await Host.SaveOdooConnectionAsync(Alpha, new OdooConnectionForm { Url = AlphaOdooUrl, Database = "alpha-db", Login = "connector", NewApiKey = AlphaApiKey });
        await Host.SaveOdooConnectionAsync(Bravo, new OdooConnectionForm { Url = BravoOdooUrl, Database = "bravo-db", Login = "connector", NewApiKey = "bravo-api-key-0000" });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<PortalBrowser> SignedInAsync(string email)
    {
        var browser = Host.NewBrowser();
        await browser.SignInOrFailAsync(email, Password);
        return browser;
    }
}
