using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Secrets;

namespace Portal.Sync.Webhooks;

/// <summary>
/// Finds the store a webhook is addressed to, with its secrets decrypted, across tenants (the address names
/// the store, the signature proves the sender). Kept for <see cref="CacheFor"/>, because a busy shop sends
/// many webhooks a second; a store disabled, removed or re-keyed is seen by every instance within that time.
/// Only stores that exist are kept: the ids in webhook addresses are anyone's to choose, so misses would grow
/// the cache without bound.
/// </summary>
public sealed class WebhookStores(PortalDbContextActivator activator, SecretProtector secrets, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (WebhookStore Store, DateTimeOffset Until)> cache = new();

    public async Task<WebhookStore?> FindAsync(Guid storeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(storeId, out var cached) && cached.Until > now)
        {
            return cached.Store;
        }

        await using var db = activator.Create(NoTenant.Instance);
        var row = await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == storeId)
            .Select(s => new { s.Id, s.TenantId, s.Platform, TakesWebhooks = s.Enabled && s.RemovedAt == null, s.ProtectedWebhookSecret, s.ProtectedPreviousWebhookSecret, s.PreviousWebhookSecretValidUntil })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var store = new WebhookStore(row.Id, row.TenantId, row.Platform, row.TakesWebhooks, Key(row.ProtectedWebhookSecret), Key(row.ProtectedPreviousWebhookSecret), row.PreviousWebhookSecretValidUntil);
        cache[storeId] = (store, now + CacheFor);
        return store;
    }

    private byte[]? Key(string? protectedSecret) => protectedSecret is null ? null : Encoding.UTF8.GetBytes(secrets.Unprotect(protectedSecret));
}
