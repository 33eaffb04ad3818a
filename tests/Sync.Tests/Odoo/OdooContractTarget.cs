using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Odoo;

/// <summary>
/// Where the contract suite runs: a real Odoo when ODOO_URL, ODOO_DB, ODOO_USER and ODOO_PASSWORD are set
/// (ODOO_TRANSPORT=JsonRpc or Json2 overrides the automatic choice), otherwise the fake Odoo 17. Every run names its records uniquely, so it can run again on the same database.
/// </summary>
public sealed class OdooContractTarget : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..10];
    private ServiceProvider services = default!;

    public FakeOdooServer? Fake { get; private set; }

    public bool IsReal => Fake is null;

    public OdooEndpoint Admin { get; private set; } = default!;

    public OdooClientFactory Clients => services.GetRequiredService<OdooClientFactory>();

    public OdooClient AdminClient => Clients.For(Admin);

    public string Unique(string what) => $"portal-contract {what} {run}";

    public async Task InitializeAsync()
    {
        services = OdooTestClients.Create();
        var url = Environment.GetEnvironmentVariable("ODOO_URL");
        if (!string.IsNullOrEmpty(url))
        {
            var transport = Enum.Parse<OdooTransportKind>(Environment.GetEnvironmentVariable("ODOO_TRANSPORT") is { Length: > 0 } chosen ? chosen : "Auto", ignoreCase: true);
            Admin = new OdooEndpoint(new Uri(url), Required("ODOO_DB"), Required("ODOO_USER"), Required("ODOO_PASSWORD"), transport);
            return;
        }

        Fake = await FakeOdooServer.StartAsync(17);
        Admin = new OdooEndpoint(Fake.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey);
    }

    private Task<OdooEndpoint>? restrictedUser;

    /// <summary>A user with internal-user rights only (no Sales, Inventory or Accounting), made once per run.</summary>
    public Task<OdooEndpoint> RestrictedUserAsync() => restrictedUser ??= CreateRestrictedUserAsync();

    private async Task<OdooEndpoint> CreateRestrictedUserAsync()
    {
        if (Fake is not null)
        {
            return new OdooEndpoint(Fake.Url, FakeOdooServer.DatabaseName, "viewer", FakeOdooSeed.ViewerApiKey);
        }

        var admin = AdminClient;
        var profile = await admin.GetProfileAsync();
        var internalUser = (await admin.SearchReadAsync("ir.model.data", OdooDomain.Where("module", "=", "base").And(OdooDomain.Where("name", "=", "group_user")), ["res_id"], 1)).Single()!;
        var login = Unique("restricted").Replace(' ', '-');
        var password = $"pw-{run}-restricted";

        // The groups field of res.users was renamed in Odoo 19.
        var groupsField = profile.Version.Major >= 19 ? "group_ids" : "groups_id";
        await admin.CreateAsync("res.users", [new JsonObject
        {
            ["name"] = login,
            ["login"] = login,
            ["password"] = password,
            [groupsField] = new JsonArray(new JsonArray(6, 0, new JsonArray(internalUser["res_id"]!.GetValue<long>()))),
        }]);
        // A password signs in over JSON-RPC only; JSON-2 takes API keys, which cannot be made over RPC.
        return Admin with { Login = login, Secret = password, Transport = OdooTransportKind.JsonRpc };
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"ODOO_URL is set, so {name} must be set too.");
}
