namespace Portal.Fakes.WooCommerce;

/// <summary>Who WooCommerce's authentication found: the key and how it came, or no key, or the error it set.</summary>
internal sealed record FakeWooCommerceCaller(FakeWooCommerceKey? Key, string? Mechanism, FakeWooCommerceException? Error)
{
    public static FakeWooCommerceCaller Nobody { get; } = new(null, null, null);
}
