namespace Portal.Sync.Stores;

/// <summary>
/// An Odoo template as the export writes it to a store product: only the fields the connector owns. Tags, SEO,
/// collections and categories are the store's and never appear here; <see cref="DescriptionHtml"/> is null unless the
/// store's settings export descriptions, and then the store's description is replaced.
/// </summary>
public sealed record StoreProductDraft(string Title, bool Active, string? DescriptionHtml, IReadOnlyList<StoreProductOption> Options, IReadOnlyList<StoreVariantDraft> Variants);

/// <summary>An option ("Size") and its values in order; a product without options has none.</summary>
public sealed record StoreProductOption(string Name, IReadOnlyList<string> Values);

/// <summary>
/// One Odoo variant: <see cref="OptionValues"/> line up with the product's options; <see cref="StoreVariantId"/> is the
/// linked store variant to update, null to create one. <see cref="WeightKg"/> is Odoo's weight in kilograms.
/// </summary>
public sealed record StoreVariantDraft(long OdooProductId, string? Sku, string? Barcode, decimal Price, decimal WeightKg, IReadOnlyList<string> OptionValues, string? StoreVariantId);

/// <summary>The store product written, and the store variant of each Odoo variant (by Odoo product id).</summary>
public sealed record StoreProductSaved(string ProductId, IReadOnlyDictionary<long, string> VariantIds);
