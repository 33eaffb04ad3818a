using System.Collections.Concurrent;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// What the connector learned about each site's server, for the life of the process: a client made later for the
/// same site goes straight to what works instead of failing first and falling back on every call.
/// </summary>
public sealed class WooCommerceSiteQuirks
{
    private readonly ConcurrentDictionary<string, WooCommerceSiteQuirk> learned = new(StringComparer.Ordinal);

    /// <param name="site">The site's base address as <see cref="WooCommerceSite.Address"/> writes it.</param>
    public WooCommerceSiteQuirk Of(string site) => learned.GetValueOrDefault(site);

    internal void Remember(string site, WooCommerceSiteQuirk quirk) => learned.AddOrUpdate(site, quirk, (_, known) => known | quirk);
}
