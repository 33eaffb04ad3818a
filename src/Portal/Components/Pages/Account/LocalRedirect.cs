using Microsoft.AspNetCore.Components;

namespace Portal.Components.Pages.Account;

internal static class LocalRedirect
{
    /// <summary>Navigates to <paramref name="returnUrl"/> only when it stays on this site; otherwise home.</summary>
    public static void To(NavigationManager navigation, string? returnUrl)
    {
        var local = !string.IsNullOrEmpty(returnUrl)
                    && returnUrl.StartsWith('/')
                    && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                    && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
        navigation.NavigateTo(local ? returnUrl! : "/");
    }
}
