using MudBlazor;

namespace Portal.Components.Layout;

internal static class PortalTheme
{
    // System fonts: the portal runs on closed networks and loads nothing from font CDNs.
    public static readonly MudTheme Value = new()
    {
        // MudBlazor's default error red (#F44336) reads at 3.7:1 on white, below WCAG AA's 4.5:1 for the
        // validation messages and labels it colours; this red reads at 5.6:1. Likewise the default green (#00C853)
        // gives white chip text 2.1:1; this green gives it 5.1:1, and this amber gives warning text 5.9:1. The default
        // info blue (#2196F3) gives an info alert's text 3:1; this blue gives it 5.7:1.
        PaletteLight = new PaletteLight { Error = "#C62828", Success = "#2E7D32", Warning = "#8A5300", Info = "#0D5AA7" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
