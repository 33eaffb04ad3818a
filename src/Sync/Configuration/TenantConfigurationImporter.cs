using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Secrets;
using Portal.Sync.Settings;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Configuration;

/// <summary>
/// Makes the active tenant's configuration what a document says, or says what that would change (a dry run).
/// All or nothing: an invalid document changes nothing, a valid one is saved in one transaction with one audit entry
/// per store (and for the Odoo connection) it changed. Stores are found by platform and address, mappings by their
/// natural keys, so importing the same document again changes nothing. A store it creates or whose credentials,
/// features or product direction it changes gets its webhook subscriptions checked, as when a person connects it.
/// Stores the document does not name are left alone. Nothing is asked of the stores or Odoo: credentials are tested
/// by the subscription check and the health checks that follow.
/// </summary>
public sealed class TenantConfigurationImporter(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    ConfigurationValidation validation,
    SecretProtector secrets,
    JobStore jobs,
    AuditLog audit,
    TaxMappings taxMappings,
    ShippingMappings shippingMappings,
    PaymentJournalMappings journalMappings,
    LocationMappings locationMappings,
    TimeProvider clock)
{
    public const string AuditAction = "configuration.imported";

    /// <param name="apply">False for a dry run: the result says what would change, and nothing does.</param>
    public async Task<ConfigurationImportResult> ImportAsync(string json, bool apply, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        var (configuration, readErrors) = ConfigurationReader.Read(json);
        if (configuration is null)
        {
            return ConfigurationImportResult.Invalid(readErrors);
        }

        var (validStores, odoo, errors) = await validation.ValidateAsync(configuration, cancellationToken);
        if (errors.Count > 0)
        {
            return ConfigurationImportResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var tally = new ImportTally();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string? odooSubject = null;
        if (odoo is not null)
        {
            odooSubject = await ImportOdooAsync(db, odoo, tally, now, cancellationToken);
        }

        var subscriptionChecks = new List<Store>();
        var changedStores = new List<Store>();
        foreach (var valid in validStores)
        {
            var (store, subject, needsSubscriptions) = await ImportStoreAsync(db, valid, tally, now, cancellationToken);
            if (tally.ChangesOf(subject).Any())
            {
                changedStores.Add(store);
            }

            if (needsSubscriptions && store.Enabled)
            {
                subscriptionChecks.Add(store);
            }
        }

        if (!apply || !tally.Changes.Any())
        {
            return tally.Result(applied: false);
        }

        if (odooSubject is not null && tally.ChangesOf(odooSubject).ToList() is { Count: > 0 } odooChanges)
        {
            audit.Record(db, AuditAction, odooSubject, string.Join("; ", odooChanges));
        }

        foreach (var store in changedStores)
        {
            audit.Record(db, AuditAction, store.Name, string.Join("; ", tally.ChangesOf(SubjectOf(store))));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var store in subscriptionChecks)
        {
            await jobs.EnqueueAsync(tenantId, SubscriptionSyncFlow.Request(store.Id, store.Name, $"imported-{now.UtcTicks}"), cancellationToken);
        }

        return tally.Result(applied: true);
    }

    private async Task<string> ImportOdooAsync(PortalDbContext db, ValidatedOdooConnection odoo, ImportTally tally, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = odoo.Configuration;
        var connection = await db.OdooConnections.SingleOrDefaultAsync(cancellationToken);
        var subject = "Odoo connection";
        var changes = new List<string>();
        var created = connection is null;
        if (connection is null)
        {
            connection = new OdooConnection { Url = "", Database = "", Login = "" };
            db.OdooConnections.Add(connection);
        }
        else
        {
            Change(changes, "url", connection.Url, wanted.Url.Trim());
            Change(changes, "database", connection.Database, wanted.Database.Trim());
            Change(changes, "login", connection.Login, wanted.Login.Trim());
            Change(changes, "transport", connection.Transport, wanted.Transport.ToString());
        }

        var keyChanged = connection.ProtectedApiKey is null || secrets.Unprotect(connection.ProtectedApiKey) != odoo.ApiKey;
        if (keyChanged && !created)
        {
            changes.Add("API key replaced");
        }

        if (!created && changes.Count == 0)
        {
            tally.Keep();
            return subject;
        }

        connection.Url = wanted.Url.Trim();
        connection.Database = wanted.Database.Trim();
        connection.Login = wanted.Login.Trim();
        connection.Transport = wanted.Transport.ToString();
        connection.UpdatedAt = now;
        if (keyChanged)
        {
            connection.ProtectedApiKey = secrets.Protect(odoo.ApiKey);
            connection.ApiKeyChangedAt = now;
        }

        if (created)
        {
            tally.Create(subject, $"created: {connection.Url}, database {connection.Database}, login {connection.Login}");
        }
        else
        {
            tally.Update(subject, string.Join("; ", changes));
        }

        return subject;
    }

    private async Task<(Store Store, string Subject, bool NeedsSubscriptions)> ImportStoreAsync(
        PortalDbContext db, ValidatedStore valid, ImportTally tally, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = valid.Configuration;
        var platform = wanted.Platform;
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Platform == platform && s.Address == valid.Address && s.RemovedAt == null, cancellationToken);
        var created = store is null;
        store ??= NewStore(db, platform, valid.Address, now);
        var changes = new List<string>();
        var needsSubscriptions = created;

        Change(changes, "name", store.Name, wanted.Name.Trim(), v => store.Name = v);
        needsSubscriptions |= Change(changes, "enabled", store.Enabled, wanted.Enabled, v => store.Enabled = v) && wanted.Enabled;
        Change(changes, "allowInsecureHttp", store.AllowInsecureHttp, wanted.AllowInsecureHttp, v => store.AllowInsecureHttp = v);
        needsSubscriptions |= Change(changes, "features", store.Features, valid.Features, v => store.Features = v);
        needsSubscriptions |= Change(changes, "productDirection", store.ProductDirection, wanted.ProductDirection, v => store.ProductDirection = v);
        Change(changes, "notificationEmail", store.NotificationEmail, string.IsNullOrWhiteSpace(wanted.NotificationEmail) ? null : wanted.NotificationEmail.Trim(),
            v => store.NotificationEmail = v);

        if (!SameCredentials(platform, store.ProtectedCredentials, valid.CredentialsJson))
        {
            store.ProtectedCredentials = secrets.Protect(valid.CredentialsJson);
            changes.Add("credentials replaced");
            needsSubscriptions = true;
        }

        if (valid.AppSecret is { } appSecret)
        {
            if (store.ProtectedWebhookSecret is null || secrets.Unprotect(store.ProtectedWebhookSecret) != appSecret)
            {
                StoreWebhookSecrets.Rotate(store, secrets.Protect(appSecret), now);
                changes.Add("webhook secret replaced");
            }
        }
        else
        {
            StoreWebhookSecrets.EnsureOwn(store, secrets);
        }

        var subject = SubjectOf(store);
        if (created)
        {
            tally.Create(subject, $"store created ({platform} {store.Address})");
        }
        else if (changes.Count > 0)
        {
            tally.Update(subject, $"store: {string.Join("; ", changes)}");
        }
        else
        {
            tally.Keep();
        }

        if (created || changes.Count > 0)
        {
            store.UpdatedAt = now;
        }

        await ImportOrderSettingsAsync(db, store, wanted, subject, tally, now, cancellationToken);
        await ImportOutboundSettingsAsync(db, store, wanted, subject, tally, now, cancellationToken);
        await ImportMappingsAsync(db, store, wanted, subject, tally, now, cancellationToken);
        return (store, subject, needsSubscriptions);
    }

    private static Store NewStore(PortalDbContext db, StorePlatform platform, string address, DateTimeOffset now)
    {
        var store = new Store { Platform = platform, Name = "", Address = address, CreatedAt = now };
        db.Stores.Add(store);
        return store;
    }

    private static async Task ImportOrderSettingsAsync(
        PortalDbContext db, Store store, StoreConfiguration wanted, string subject, ImportTally tally, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (wanted.OrderSettings is not { } form)
        {
            return;
        }

        var settings = await db.StoreOrderSettings.SingleOrDefaultAsync(s => s.StoreId == store.Id, cancellationToken);
        var probe = new StoreOrderSettings();
        form.ApplyTo(probe);
        Upsert(db.StoreOrderSettings, settings, () => new StoreOrderSettings { StoreId = store.Id },
            ValueChanges.Between(StoreOrderSettingsForm.From(settings), StoreOrderSettingsForm.From(probe)), "order settings", subject, tally, row =>
            {
                form.ApplyTo(row);
                row.UpdatedAt = now;
            });
    }

    private static async Task ImportOutboundSettingsAsync(
        PortalDbContext db, Store store, StoreConfiguration wanted, string subject, ImportTally tally, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (wanted.OutboundSettings is not { } outbound)
        {
            return;
        }

        var settings = await db.StoreOutboundSettings.SingleOrDefaultAsync(s => s.StoreId == store.Id, cancellationToken);
        Upsert(db.StoreOutboundSettings, settings, () => new StoreOutboundSettings { StoreId = store.Id },
            ValueChanges.Between(OutboundSettingsConfiguration.From(settings), outbound), "outbound settings", subject, tally, row =>
            {
                outbound.ApplyTo(row);
                row.UpdatedAt = now;
            });
    }

    /// <summary>Creates or updates a store's one row of <paramref name="what"/> when the document changes it, tallied with its changes.</summary>
    private static void Upsert<TRow>(DbSet<TRow> set, TRow? row, Func<TRow> create, List<string> changes, string what, string subject, ImportTally tally, Action<TRow> apply)
        where TRow : class
    {
        if (changes.Count == 0)
        {
            tally.Keep();
            return;
        }

        var described = $"{what}: {string.Join("; ", changes)}";
        if (row is null)
        {
            row = create();
            set.Add(row);
            tally.Create(subject, described);
        }
        else
        {
            tally.Update(subject, described);
        }

        apply(row);
    }

    private async Task ImportMappingsAsync(
        PortalDbContext db, Store store, StoreConfiguration wanted, string subject, ImportTally tally, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var storeId = store.Id;
        if (wanted.TaxMappings is { } taxes)
        {
            new MappingKind<TaxMapping, TaxMappingForm>("tax mapping", () => taxMappings.Create(storeId), taxMappings.Describe)
                .Sync(db.TaxMappings, await db.TaxMappings.Where(m => m.StoreId == storeId).ToListAsync(cancellationToken), taxes, subject, tally, now);
        }

        if (wanted.ShippingMappings is { } shipping)
        {
            new MappingKind<ShippingMapping, ShippingMappingForm>("shipping mapping", () => shippingMappings.Create(storeId), shippingMappings.Describe)
                .Sync(db.ShippingMappings, await db.ShippingMappings.Where(m => m.StoreId == storeId).ToListAsync(cancellationToken), shipping, subject, tally, now);
        }

        if (wanted.JournalMappings is { } journals)
        {
            new MappingKind<PaymentJournalMapping, PaymentJournalMappingForm>("journal mapping", () => journalMappings.Create(storeId), journalMappings.Describe)
                .Sync(db.PaymentJournalMappings, await db.PaymentJournalMappings.Where(m => m.StoreId == storeId).ToListAsync(cancellationToken), journals, subject, tally, now);
        }

        if (wanted.LocationMappings is { } locations)
        {
            new MappingKind<LocationMapping, LocationMappingForm>("location mapping", () => locationMappings.Create(storeId), locationMappings.Describe)
                .Sync(db.LocationMappings, await db.LocationMappings.Where(m => m.StoreId == storeId).ToListAsync(cancellationToken), locations, subject, tally, now);
        }

        if (wanted.ProductLinks is { } links)
        {
            new MappingKind<RecordLink, ProductLinkForm>("product link", () => ProductLinks.Create(storeId), ProductLinks.Describe)
                .Sync(db.RecordLinks, await db.RecordLinks
                    .Where(l => l.StoreId == storeId && l.Kind == RecordLinkKind.Variant && l.StoreKey.StartsWith(ProductLinks.SkuPrefix))
                    .ToListAsync(cancellationToken), links, subject, tally, now);
        }
    }

    private bool SameCredentials(StorePlatform platform, string? protectedCredentials, string credentialsJson)
    {
        if (protectedCredentials is null)
        {
            return false;
        }

        var stored = secrets.Unprotect(protectedCredentials);
        return platform == StorePlatform.Shopify
            ? ShopifyCredentials.FromJson(stored) == ShopifyCredentials.FromJson(credentialsJson)
            : WooCommerceCredentials.FromJson(stored) == WooCommerceCredentials.FromJson(credentialsJson);
    }

    private static string SubjectOf(Store store) => $"{store.Name} ({store.Platform} {store.Address})";

    private static void Change(List<string> changes, string field, string before, string after)
    {
        if (before != after)
        {
            changes.Add($"{field}: {before} → {after}");
        }
    }

    private static bool Change<T>(List<string> changes, string field, T before, T after, Action<T> set)
    {
        if (EqualityComparer<T>.Default.Equals(before, after))
        {
            return false;
        }

        changes.Add($"{field}: {ValueChanges.Text(before)} → {ValueChanges.Text(after)}");
        set(after);
        return true;
    }
}
