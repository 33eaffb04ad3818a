using MudBlazor;

namespace Portal.Components.Layout;

internal static class PortalTheme
{
    // System fonts: the portal runs on closed networks and loads nothing from font CDNs.
    public static readonly MudTheme Value = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
