using Portal.Data.Entities;

namespace Portal.Sync.Stores;

/// <summary>Makes the <see cref="IStoreClient"/> of one platform for a store; each platform registers one.</summary>
public interface IStorePlatformClients
{
    StorePlatform Platform { get; }

    IStoreClient Create(StoreConnection connection);
}
