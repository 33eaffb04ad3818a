namespace Portal.Sync.Stores;

/// <summary>A store's products and variants, as the matching step reads them and the product export writes them.</summary>
public interface IStoreCatalogue
{
    /// <summary>One page of every variant of the store, from the first page (<paramref name="pageCursor"/> null) on.</summary>
    Task<StoreVariantPage> VariantsAsync(string? pageCursor, CancellationToken cancellationToken);

    /// <summary>The product with its variants; null when the store has no such product.</summary>
    Task<StoreProduct?> ProductAsync(string productId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the product (<paramref name="storeProductId"/> null) or updates that one with the draft's fields only;
    /// variants without a store id are created, store variants the draft does not list may be removed.
    /// </summary>
    Task<StoreProductSaved> SaveProductAsync(StoreProductDraft product, string? storeProductId, CancellationToken cancellationToken);

    /// <summary>The product's images, in the store's order.</summary>
    Task<IReadOnlyList<StoreImage>> ImagesAsync(string productId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the image the store downloads from <paramref name="source"/> to the product and then removes
    /// <paramref name="previousImageId"/> (the image pushed before, if any; already gone is fine). The product's
    /// other images stay. Returns the new image's store id.
    /// </summary>
    Task<string> ReplaceImageAsync(string productId, string? previousImageId, Uri source, string alt, CancellationToken cancellationToken);

    /// <summary>Removes the image the connector pushed (already gone is fine); the product's other images stay.</summary>
    Task RemoveImageAsync(string productId, string imageId, CancellationToken cancellationToken);
}
