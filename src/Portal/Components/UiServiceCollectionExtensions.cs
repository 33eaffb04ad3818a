using MudBlazor.Services;
using Portal.Components.Layout;

namespace Portal.Components;

public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<ThemePreference>();
        return services;
    }
}
