using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Jobs;
using Portal.Sync.Shopify;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Stores;

public static class StoresServiceCollectionExtensions
{
    /// <summary>Store management, subscriptions and polling, over whichever platform clients are registered.</summary>
    public static IServiceCollection AddStores(this IServiceCollection services)
    {
        services.AddOptions<StoresOptions>().BindConfiguration("Stores")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1), "Stores:PollInterval must be at least one second.")
            .Validate(o => o.PollOverlap >= TimeSpan.Zero, "Stores:PollOverlap cannot be negative.")
            .Validate(o => o.SubscriptionCheckInterval >= TimeSpan.FromSeconds(1), "Stores:SubscriptionCheckInterval must be at least one second.")
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"),
                "Stores:PublicBaseUrl must be an absolute https:// address.")
            .ValidateOnStart();
        services.AddSingleton<StoreClients>();
        services.AddSingleton<WebhookAddresses>();
        services.AddSingleton<ISubscriptionTopics, ShopifySubscriptionTopics>();
        services.AddSingleton<ISubscriptionTopics, WooCommerceSubscriptionTopics>();
        services.AddSingleton<IValidator<ShopifyStoreForm>, ShopifyStoreFormValidator>();
        services.AddSingleton<IValidator<WooCommerceStoreForm>, WooCommerceStoreFormValidator>();
        services.AddSingleton<IValidator<ShopifyAppForm>, ShopifyAppFormValidator>();
        services.AddSingleton<IValidator<RecentOrdersImportForm>, RecentOrdersImportFormValidator>();
        services.AddScoped<StoreDirectory>();
        services.AddScoped<StoreConnections>();
        services.AddScoped<RecentOrdersImports>();
        services.AddScoped<ShopifyInstalls>();
        services.AddSingleton<StoreScheduler>();
        services.AddSingleton<IJobHandler, SubscriptionSyncFlow>();
        services.AddSingleton<IJobHandler, StorePollFlow>();
        services.AddSingleton<IJobHandler, StoreRemovalFlow>();
        services.AddSingleton<IJobHandler, StoreUninstalledFlow>();
        services.AddSingleton<IJobHandler, RecentOrdersImportFlow>();
        return services;
    }
}
