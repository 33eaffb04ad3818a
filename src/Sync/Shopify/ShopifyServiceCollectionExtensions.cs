using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

public static class ShopifyServiceCollectionExtensions
{
    public static IServiceCollection AddShopify(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.SectionName)
            .Validate(o => Regex.IsMatch(o.ApiVersion, @"^\d{4}-(01|04|07|10)$", RegexOptions.None, TimeSpan.FromSeconds(1)),
                "Shopify:ApiVersion must be a Shopify API version such as 2026-10.")
            .Validate(o => o.ThrottleSafetyMargin >= 0, "Shopify:ThrottleSafetyMargin must not be negative.")
            .Validate(o => o.MaxThrottledRetries >= 0, "Shopify:MaxThrottledRetries must not be negative.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Shopify:AttemptTimeout must be positive.")
            .Validate(o => o.OrdersPageSize is >= 1 and <= ShopifyOptions.MaxPageSize, "Shopify:OrdersPageSize must be between 1 and 250.")
            .ValidateOnStart();
        services.AddSingleton<ShopifyThrottles>();

        // The attempt timeout is the HttpClient's, on the real clock; retries are the client's own, cost-aware ones.
        services.AddHttpClient(ShopifyGraphQlClient.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<ShopifyOptions>>().Value.AttemptTimeout);
        services.AddSingleton<ShopifyStoreClients>();
        services.AddSingleton<IStorePlatformClients>(provider => provider.GetRequiredService<ShopifyStoreClients>());
        services.AddSingleton<ShopifyOAuth>();
        return services;
    }
}
