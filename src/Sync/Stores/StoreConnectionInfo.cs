namespace Portal.Sync.Stores;

/// <summary>
/// What the Connection tab may show of a store's secrets: whether each is set, never its value. After a Shopify app
/// secret was replaced, the previous one is still accepted until <see cref="PreviousWebhookSecretValidUntil"/>.
/// </summary>
public sealed record StoreConnectionInfo(bool HasCredentials, bool HasWebhookSecret, DateTimeOffset? PreviousWebhookSecretValidUntil);
