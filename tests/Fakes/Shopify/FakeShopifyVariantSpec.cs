namespace Portal.Fakes.Shopify;

/// <summary>A variant to put in the fake shop; a product without options has one, titled "Default Title".</summary>
public sealed record FakeShopifyVariantSpec(string? Sku, string? Barcode = null, string Title = "Default Title", decimal Price = 10m);
