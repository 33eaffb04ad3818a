namespace Portal.Sync.Stores;

/// <summary>
/// The outcome of connecting a store: saved with what the store said about itself, or not saved with the
/// store's refusal in plain words (wrong token, read-only key, permalinks, unreachable).
/// </summary>
public sealed record StoreConnectResult(Guid? StoreId, bool Connected, string Message)
{
    public static StoreConnectResult Failed(string message) => new(null, false, message);
}
