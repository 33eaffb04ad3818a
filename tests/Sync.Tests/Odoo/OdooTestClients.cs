using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Odoo;

/// <summary>The gateway as the portal registers it, with short retry delays so retry tests stay quick.</summary>
internal static class OdooTestClients
{
    public static ServiceProvider Create(int maxRetries = 3) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Odoo:RetryDelay"] = "00:00:00.010",
                ["Odoo:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build())
            .AddOdooGateway()
            .AddSingleton<Portal.Sync.Odoo.Connection.OdooConnectionTester>()
            .BuildServiceProvider();
}
