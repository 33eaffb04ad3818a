namespace Portal.Sync.Stores;

/// <summary>A store product as the store → Odoo direction reads it: its options and each sellable variant.</summary>
public sealed record StoreProduct(string Id, string Title, bool Active, IReadOnlyList<StoreProductOption> Options, IReadOnlyList<StoreProductVariant> Variants);

/// <summary>A variant of a <see cref="StoreProduct"/>; <see cref="OptionValues"/> line up with the product's options.</summary>
public sealed record StoreProductVariant(string Id, string? Sku, string? Barcode, decimal Price, IReadOnlyList<string> OptionValues);
