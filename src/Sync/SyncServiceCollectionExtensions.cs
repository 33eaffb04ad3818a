using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Configuration;
using Portal.Sync.Dashboard;
using Portal.Sync.Flows;
using Portal.Sync.Flows.Fulfilment;
using Portal.Sync.Flows.Products;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Health;
using Portal.Sync.Jobs;
using Portal.Sync.Notifications;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;
using Portal.Sync.Settings;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;
using Portal.Sync.Webhooks;
using Portal.Sync.Tenancy;

namespace Portal.Sync;

public static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());

        // Every instance reads the same key ring from the shared database, so a secret written by one is readable by all.
        services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton<SecretProtector>();

        services.AddScoped<AuditLog>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<IValidator<OdooConnectionForm>, OdooConnectionFormValidator>();
        services.AddScoped<OdooConnectionService>();
        services.AddOdooGateway();
        services.AddSingleton<OdooConnectionTester>();

        services.AddOptions<JobRetryPolicy>().BindConfiguration("Jobs:Retry");
        services.AddSingleton<JobStore>();
        services.AddOptions<JobEngineOptions>().BindConfiguration("Jobs")
            .Validate(o => o.LeaseDuration > o.JobTimeout, "Jobs:LeaseDuration must be longer than Jobs:JobTimeout, or a live job could be taken over.")
            .Validate(o => o.StoreConcurrency >= 1, "Jobs:StoreConcurrency must be at least 1, or no store's job would ever run.");
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobHousekeeping>();
        services.AddSingleton<IValidator<IgnoreJobForm>, IgnoreJobFormValidator>();
        services.AddScoped<JobInspector>();
        services.AddScoped<TenantDashboard>();

        services.AddOptions<HealthOptions>().BindConfiguration("Health")
            .Validate(o => o.CheckInterval >= TimeSpan.FromSeconds(1), "Health:CheckInterval must be at least one second.");
        services.AddSingleton<ConnectionChecks>();
        services.AddSingleton<IJobHandler, HealthCheckFlow>();
        services.AddSingleton<HealthCheckScheduler>();
        services.AddScoped<TenantHealth>();

        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks")
            .Validate(o => o.MaxBodyBytes > 0, "Webhooks:MaxBodyBytes must be positive.");
        services.AddOrderToCash();
        services.AddStock();
        services.AddFulfilment();
        services.AddProducts();
        services.AddShopify();
        services.AddSingleton<IWebhookDialect, ShopifyWebhookDialect>();
        services.AddSingleton<IWebhookDialect, WooCommerceWebhookDialect>();
        services.AddWooCommerce();
        services.AddSingleton<WebhookStores>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookIntake>();
        services.AddScoped<WebhookDeliveryLog>();
        services.AddStores();
        services.AddStoreSettings();
        services.AddNotifications();
        services.AddConfigurationAsCode();
        return services;
    }
}
