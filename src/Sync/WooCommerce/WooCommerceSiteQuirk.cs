namespace Portal.Sync.WooCommerce;

/// <summary>Ways a site's server departs from the usual setup, learned from its answers.</summary>
[Flags]
public enum WooCommerceSiteQuirk
{
    None = 0,

    /// <summary>The web server drops the Authorization header, so keys go in the query string.</summary>
    StripsAuthorizationHeader = 1,

    /// <summary>WordPress permalinks are "Plain": the API answers only at <c>?rest_route=</c>, not under /wp-json.</summary>
    PlainPermalinks = 2,
}
