namespace Portal.Sync.Stores;

/// <summary>An OAuth callback whose HMAC does not match the app's client secret: it did not come from Shopify.</summary>
public sealed class ShopifyCallbackForgedException()
    : Exception("The callback's signature does not match the app's client secret: it did not come from Shopify.");
