using Microsoft.Extensions.Options;
using Portal.Data.Entities;

namespace Portal.Sync.Stores;

/// <summary>
/// The address each store's webhooks are sent to: "/webhooks/{platform}/{storeId}" under the portal's public
/// base address, the routes the portal maps. The path alone identifies a subscription as ours, also one
/// registered under an earlier base address.
/// </summary>
public sealed class WebhookAddresses(IOptions<StoresOptions> options)
{
    public static string PathFor(StorePlatform platform, Guid storeId) => $"/webhooks/{platform.ToString().ToLowerInvariant()}/{storeId}";

    public bool Configured => options.Value.PublicBaseUrl is not null;

    /// <summary>Keeps a path in the base address, for portals served under one ("https://example.com/connector").</summary>
    public Uri For(StorePlatform platform, Guid storeId) =>
        new((options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Stores:PublicBaseUrl is not set.")).AbsoluteUri.TrimEnd('/') + PathFor(platform, storeId));

    public static bool IsOurs(Uri address, StorePlatform platform, Guid storeId) =>
        address.AbsolutePath.TrimEnd('/').EndsWith(PathFor(platform, storeId), StringComparison.OrdinalIgnoreCase);
}
