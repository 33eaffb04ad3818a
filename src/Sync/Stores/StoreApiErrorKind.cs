namespace Portal.Sync.Stores;

/// <summary>The store failures the connector acts on differently.</summary>
public enum StoreApiErrorKind
{
    /// <summary>Worth retrying later: timeouts, refused connections, 5xx, rate limits after the client's own waiting.</summary>
    Transient,

    /// <summary>The credentials were refused (wrong, revoked, app uninstalled): fix the store connection.</summary>
    Authentication,

    /// <summary>The credentials lack an access (a Shopify scope, a read-only WooCommerce key): the message names it.</summary>
    Permission,

    /// <summary>The site is set up so the API cannot work (e.g. WordPress permalinks disabled): the message says what to change.</summary>
    Configuration,

    /// <summary>The store refused the request's data (GraphQL userErrors, WooCommerce 400): its message is kept verbatim.</summary>
    Validation,

    /// <summary>The store answered in a way the client does not understand: retrying will not help.</summary>
    Protocol,
}
