using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Odoo;
using Portal.Sync.Secrets;
using Portal.Sync.Settings;
using Portal.Sync.Shopify;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Configuration;

/// <summary>
/// Writes the active tenant's configuration as a document <see cref="TenantConfigurationImporter"/> reads back.
/// Every secret is written as a reference to an environment variable named after <see cref="SecretNames"/>; no
/// secret is ever decrypted here except a Shopify app's client id, which is not one.
/// </summary>
public sealed class TenantConfigurationExporter(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, SecretProtector secrets)
{
    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = new SecretNames();
        var configuration = new TenantConfiguration();
        if (await db.OdooConnections.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } odoo)
        {
            configuration.Odoo = new OdooConnectionConfiguration
            {
                Url = odoo.Url,
                Database = odoo.Database,
                Login = odoo.Login,
                Transport = Enum.Parse<OdooTransportKind>(odoo.Transport),
                ApiKey = new SecretReference(SecretNames.OdooApiKey),
            };
        }

        var stores = await db.Stores.AsNoTracking().Where(s => s.RemovedAt == null).OrderBy(s => s.Name).ThenBy(s => s.Address).ToListAsync(cancellationToken);
        foreach (var store in stores)
        {
            configuration.Stores.Add(await ExportStoreAsync(db, store, names.PrefixFor(store.Name, store.Platform), cancellationToken));
        }

        return JsonSerializer.Serialize(configuration, ConfigurationFormat.Json);
    }

    private async Task<StoreConfiguration> ExportStoreAsync(PortalDbContext db, Store store, string prefix, CancellationToken cancellationToken)
    {
        var id = store.Id;
        return new StoreConfiguration
        {
            Platform = store.Platform,
            Name = store.Name,
            Address = store.Address,
            Enabled = store.Enabled,
            AllowInsecureHttp = store.AllowInsecureHttp,
            Features = Enum.GetValues<StoreFeatures>().Where(f => f is not StoreFeatures.None and not StoreFeatures.Default && store.Features.HasFlag(f)).Select(f => f.ToString()).ToList(),
            ProductDirection = store.ProductDirection,
            NotificationEmail = store.NotificationEmail,
            Credentials = Credentials(store, prefix),
            OrderSettings = StoreOrderSettingsForm.From(await db.StoreOrderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == id, cancellationToken)),
            OutboundSettings = OutboundSettingsConfiguration.From(await db.StoreOutboundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == id, cancellationToken)),
            TaxMappings = (await db.TaxMappings.AsNoTracking().Where(m => m.StoreId == id).ToListAsync(cancellationToken))
                .OrderBy(m => m.Title, StringComparer.Ordinal).ThenBy(m => m.CountryCode, StringComparer.Ordinal).ThenBy(m => m.Rate).ThenBy(m => m.PriceIncluded)
                .Select(TaxMappingForm.From).ToList(),
            ShippingMappings = (await db.ShippingMappings.AsNoTracking().Where(m => m.StoreId == id).ToListAsync(cancellationToken))
                .OrderBy(m => m.Method, StringComparer.Ordinal).Select(ShippingMappingForm.From).ToList(),
            JournalMappings = (await db.PaymentJournalMappings.AsNoTracking().Where(m => m.StoreId == id).ToListAsync(cancellationToken))
                .OrderBy(m => m.Gateway, StringComparer.Ordinal).Select(PaymentJournalMappingForm.From).ToList(),
            LocationMappings = (await db.LocationMappings.AsNoTracking().Where(m => m.StoreId == id).ToListAsync(cancellationToken))
                .OrderBy(m => m.StoreLocationId, StringComparer.Ordinal).Select(LocationMappingForm.From).ToList(),
            ProductLinks = (await db.RecordLinks.AsNoTracking()
                    .Where(l => l.StoreId == id && l.Kind == RecordLinkKind.Variant && l.StoreKey.StartsWith(ProductLinks.SkuPrefix))
                    .ToListAsync(cancellationToken))
                .OrderBy(l => l.StoreKey, StringComparer.Ordinal)
                .Select(ProductLinkForm.From)
                .ToList(),
        };
    }

    private StoreCredentialsConfiguration Credentials(Store store, string prefix) => store.Platform == StorePlatform.Shopify
        ? new StoreCredentialsConfiguration
        {
            AccessToken = new SecretReference($"{prefix}_ACCESS_TOKEN"),
            AppSecret = new SecretReference($"{prefix}_APP_SECRET"),
            ClientId = store.ProtectedCredentials is null ? null : ShopifyCredentials.FromJson(secrets.Unprotect(store.ProtectedCredentials)).ClientId,
        }
        : new StoreCredentialsConfiguration
        {
            ConsumerKey = new SecretReference($"{prefix}_CONSUMER_KEY"),
            ConsumerSecret = new SecretReference($"{prefix}_CONSUMER_SECRET"),
        };
}
