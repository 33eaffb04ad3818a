using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Sync.Http;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

public static class WooCommerceServiceCollectionExtensions
{
    public static IServiceCollection AddWooCommerce(this IServiceCollection services)
    {
        services.AddOptions<WooCommerceOptions>().BindConfiguration(WooCommerceOptions.SectionName)
            .Validate(o => o.PageSize is >= 1 and <= WooCommerceOptions.MaxItemsPerRequest, "WooCommerce:PageSize must be between 1 and 100, WooCommerce's per_page limit.")
            .Validate(o => o.BatchSize is >= 1 and <= WooCommerceOptions.MaxItemsPerRequest, "WooCommerce:BatchSize must be between 1 and 100, WooCommerce's batch limit.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout,
                "WooCommerce:AttemptTimeout must be positive and WooCommerce:TotalTimeout at least as long.")
            .Validate(o => o.MaxRetries >= 0 && o.RetryDelay >= TimeSpan.Zero, "WooCommerce:MaxRetries and WooCommerce:RetryDelay must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WooCommerceSiteQuirks>();
        services.AddTransient<WooCommerceKeyHandler>();

        // The key handler sits inside the retries, so every attempt is signed afresh.
        services.AddHttpClient(WooCommerceHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddRetryingResilience<WooCommerceOptions>("woocommerce", WooCommerceHttp.Idempotent)
            .AddHttpMessageHandler<WooCommerceKeyHandler>();
        services.AddSingleton<WooCommerceStoreClients>();
        services.AddSingleton<IStorePlatformClients>(provider => provider.GetRequiredService<WooCommerceStoreClients>());
        return services;
    }
}
