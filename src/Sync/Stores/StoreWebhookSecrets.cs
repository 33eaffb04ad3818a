using System.Security.Cryptography;
using Portal.Data.Entities;
using Portal.Sync.Secrets;

namespace Portal.Sync.Stores;

/// <summary>
/// How a store gets the secret its webhooks are signed with, whether a person connects it or a configuration
/// import creates it: Shopify's is the app's secret, WooCommerce's is one of ours.
/// </summary>
public static class StoreWebhookSecrets
{
    /// <summary>Shopify may go on signing with the old app secret for up to an hour, so it stays valid that long.</summary>
    public static void Rotate(Store store, string protectedSecret, DateTimeOffset now)
    {
        if (store.ProtectedWebhookSecret is { } previous)
        {
            store.ProtectedPreviousWebhookSecret = previous;
            store.PreviousWebhookSecretValidUntil = now.AddHours(1);
        }

        store.ProtectedWebhookSecret = protectedSecret;
    }

    /// <summary>
    /// WooCommerce signs each webhook with the secret it was registered with: ours, made once and kept,
    /// because the webhooks already registered go on using it.
    /// </summary>
    public static void EnsureOwn(Store store, SecretProtector secrets) =>
        store.ProtectedWebhookSecret ??= secrets.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
