using Portal.Data.Entities;
using Portal.Sync.Secrets;

namespace Portal.Sync.Stores;

/// <summary>Gives the API client of a store, whichever its platform, with its credentials decrypted.</summary>
public sealed class StoreClients(IEnumerable<IStorePlatformClients> platforms, SecretProtector secrets)
{
    private readonly Dictionary<StorePlatform, IStorePlatformClients> byPlatform = platforms.ToDictionary(p => p.Platform);

    public IStoreClient For(StoreConnection connection) => byPlatform[connection.Platform].Create(connection);

    /// <summary>The client of a stored store; a store whose credentials were never completed (an unfinished install) has none.</summary>
    public IStoreClient For(Store store) =>
        store.ProtectedCredentials is { } credentials
            ? For(new StoreConnection(store.Id, store.Platform, store.Address, secrets.Unprotect(credentials), store.AllowInsecureHttp))
            : throw new StoreApiException(StoreApiErrorKind.Authentication, $"The store '{store.Name}' has no API credentials yet: connect it again.");
}
