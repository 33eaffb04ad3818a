namespace Portal.Sync.WooCommerce;

/// <summary>How a request carries the API key, in the order WooCommerce looks for it.</summary>
internal enum WooCommerceKeyPlacement
{
    /// <summary>HTTPS: Basic auth, consumer key as user name and secret as password.</summary>
    BasicHeader,

    /// <summary>HTTPS on a server that drops the Authorization header (Apache with PHP as CGI/FastCGI): consumer_key and consumer_secret in the query.</summary>
    QueryString,

    /// <summary>Plain HTTP, allowed for the store: an OAuth 1.0a signature in the query; the secret itself never travels.</summary>
    OAuth1Signature,
}
