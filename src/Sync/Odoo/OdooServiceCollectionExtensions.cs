using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Http;

namespace Portal.Sync.Odoo;

public static class OdooServiceCollectionExtensions
{
    public static IServiceCollection AddOdooGateway(this IServiceCollection services)
    {
        services.AddOptions<OdooClientOptions>().BindConfiguration(OdooClientOptions.SectionName);
        services.AddSingleton<OdooClientFactory>();

        // Only calls that change nothing are sent again; a create whose answer was lost goes through CreateOnceAsync instead.
        services.AddHttpClient(OdooHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddRetryingResilience<OdooClientOptions>("odoo", OdooHttp.Idempotent);
        return services;
    }
}
