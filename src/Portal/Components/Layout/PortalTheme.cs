using MudBlazor;

namespace Portal.Components.Layout;

internal static class PortalTheme
{
    // System fonts: the portal runs on closed networks and loads nothing from font CDNs.
    public static readonly MudTheme Value = new()
    {
        // MudBlazor's default error red (#F44336) reads at 3.7:1 on white, below WCAG AA's 4.5:1 for the
        // validation messages and labels it colours; this red reads at 5.6:1.
        PaletteLight = new PaletteLight { Error = "#C62828" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
