using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Portal.Components.Layout;

/// <summary>Remembers the dark-mode choice in the browser, per person and device.</summary>
public sealed class ThemePreference(ProtectedLocalStorage storage)
{
    private const string Key = "portal.dark-mode";

    public async Task<bool?> IsDarkAsync()
    {
        try
        {
            var stored = await storage.GetAsync<bool>(Key);
            return stored.Success ? stored.Value : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written under an older key ring: fall back to light mode rather than fail the page.
            return null;
        }
    }

    public ValueTask SaveAsync(bool dark) => storage.SetAsync(Key, dark);
}
