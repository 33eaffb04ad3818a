using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Settings.Features;
using Portal.Sync.Settings.SelfTest;

namespace Portal.Sync.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>A store's order settings and features, its mappings and product links, how well they cover recent orders, and the Odoo records the pages offer for them.</summary>
    public static IServiceCollection AddStoreSettings(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<StoreOrderSettingsForm>, StoreOrderSettingsFormValidator>();
        services.AddSingleton<IValidator<TaxMappingForm>, TaxMappingFormValidator>();
        services.AddSingleton<IValidator<ShippingMappingForm>, ShippingMappingFormValidator>();
        services.AddSingleton<IValidator<PaymentJournalMappingForm>, PaymentJournalMappingFormValidator>();
        services.AddSingleton<IValidator<LocationMappingForm>, LocationMappingFormValidator>();
        services.AddSingleton<IValidator<ProductLinkForm>, ProductLinkFormValidator>();
        services.AddSingleton<IValidator<StoreFeaturesForm>, StoreFeaturesFormValidator>();
        services.AddScoped<StoreOrderSettingsService>();
        services.AddScoped<StoreFeaturesService>();
        services.AddScoped<TaxMappings>();
        services.AddScoped<ShippingMappings>();
        services.AddScoped<PaymentJournalMappings>();
        services.AddScoped<LocationMappings>();
        services.AddScoped<StoreLocations>();
        services.AddScoped<ProductLinks>();
        services.AddScoped<OdooChoices>();
        services.AddScoped<IMappingCoverage, MappingCoverageReader>();
        services.AddSingleton<OrderDryRun>();
        services.AddScoped<StoreSelfTest>();
        return services;
    }
}
