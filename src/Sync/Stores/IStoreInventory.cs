namespace Portal.Sync.Stores;

/// <summary>A store's stock at its locations, as the stock push and the reconciliation read and set it.</summary>
public interface IStoreInventory
{
}
