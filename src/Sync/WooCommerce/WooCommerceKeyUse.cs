namespace Portal.Sync.WooCommerce;

/// <summary>The key a request carries, where it goes, and the request's address before any key is added to it.</summary>
internal sealed record WooCommerceKeyUse(WooCommerceCredentials Credentials, WooCommerceKeyPlacement Placement, Uri Address)
{
    // The address is harmless, the credentials are not; a record's generated ToString would print both.
    public override string ToString() => $"{Placement} key for {Address.GetLeftPart(UriPartial.Path)}";
}
