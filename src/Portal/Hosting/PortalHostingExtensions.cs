using Portal.Auth;
using Portal.Components;
using Portal.Data;
using Portal.Endpoints;
using Portal.Logging;
using Portal.Sync;
using Portal.Sync.Flows.Fulfilment;
using Portal.Sync.Flows.Products;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Health;
using Portal.Sync.Stores;
using Portal.Sync.Jobs;
using Portal.Sync.Notifications;
using Serilog;

namespace Portal.Hosting;

public static class PortalHostingExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        // Serves MudBlazor's and the framework's assets from a plain build too, not only after publish.
        builder.WebHost.UseStaticWebAssets();
        builder.AddPortalLogging();
        builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSync();
        builder.Services.AddJobEngineHosting();
        builder.Services.AddHealthCheckSchedule();
        builder.Services.AddStoreSchedules();
        builder.Services.AddStockSchedules();
        builder.Services.AddFulfilmentSchedule();
        builder.Services.AddProductSchedules();
        builder.Services.AddNotificationSchedule();
        builder.Services.AddKeyRingProtection(builder.Configuration);
        builder.Services.AddPortalAuth(builder.Configuration);
        builder.Services.AddPortalUi();
        builder.Services.AddPortalHealthChecks();
        builder.Services.AddSingleton<PortalStartup>();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseMiddleware<TenantRouteMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapPortalHealth();
        app.MapAccountEndpoints();
        app.MapShopifyWebhooks();
        app.MapShopifyInstall();
        app.MapWooCommerceWebhooks();
        app.MapOdooNotifications();
        app.MapProductImages();
        app.MapConfigurationExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Prepares the database and runs until shutdown; 1 when the portal cannot start.</summary>
    public static async Task<int> RunPortalAsync(this WebApplication app)
    {
        try
        {
            if (!await app.Services.GetRequiredService<PortalStartup>().PrepareAsync(app.Lifetime.ApplicationStopping))
            {
                return 1;
            }

            await app.RunAsync();
            return 0;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
