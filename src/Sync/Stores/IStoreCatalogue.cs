namespace Portal.Sync.Stores;

/// <summary>A store's products and variants, as the matching step reads them and the product export writes them.</summary>
public interface IStoreCatalogue
{
}
