using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Notifications;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;
using Portal.Sync.Settings.Features;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Configuration;

/// <summary>
/// Checks a configuration document with the validators the pages use, reads the secrets it refers to, and says
/// where each problem is ("stores[0].taxMappings[2].rate"); every problem, not only the first.
/// </summary>
public sealed partial class ConfigurationValidation(
    IEnvironmentVariables environment,
    IValidator<ShopifyStoreForm> shopifyValidator,
    IValidator<WooCommerceStoreForm> wooCommerceValidator,
    IValidator<OdooConnectionForm> odooValidator,
    IValidator<StoreOrderSettingsForm> orderSettingsValidator,
    IValidator<StockSettingsForm> stockValidator,
    IValidator<ProductSettingsForm> productValidator,
    IValidator<TaxMappingForm> taxValidator,
    IValidator<ShippingMappingForm> shippingValidator,
    IValidator<PaymentJournalMappingForm> journalValidator,
    IValidator<LocationMappingForm> locationValidator,
    IValidator<ProductLinkForm> productLinkValidator,
    IValidator<StoreFeaturesForm> featuresValidator,
    IValidator<StoreNotificationForm> notificationValidator)
{
    public async Task<(IReadOnlyList<ValidatedStore> Stores, ValidatedOdooConnection? Odoo, IReadOnlyList<ConfigurationError> Errors)> ValidateAsync(
        TenantConfiguration configuration, CancellationToken cancellationToken)
    {
        var errors = new List<ConfigurationError>();
        var odoo = configuration.Odoo is { } connection ? await ValidateOdooAsync(connection, errors, cancellationToken) : null;
        var stores = new List<ValidatedStore>();
        for (var i = 0; i < configuration.Stores.Count; i++)
        {
            if (configuration.Stores[i] is not { } store)
            {
                errors.Add(new ConfigurationError($"stores[{i}]", "A store is an object, not null."));
                continue;
            }

            if (await ValidateStoreAsync(store, $"stores[{i}]", errors, cancellationToken) is { } valid)
            {
                var twin = stores.FindIndex(s => s.Configuration.Platform == store.Platform && s.Address == valid.Address);
                if (twin >= 0)
                {
                    errors.Add(new ConfigurationError($"stores[{i}].address", $"stores[{twin}] is the same {store.Platform} store; a store appears once."));
                }

                stores.Add(valid);
            }
        }

        return (stores, odoo, errors);
    }

    private async Task<ValidatedOdooConnection?> ValidateOdooAsync(OdooConnectionConfiguration odoo, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>();
        var apiKey = Secret(odoo.ApiKey, "odoo.apiKey", "the Odoo API key", nameof(OdooConnectionForm.NewApiKey), missing, errors);
        var form = new OdooConnectionForm { Url = odoo.Url ?? "", Database = odoo.Database ?? "", Login = odoo.Login ?? "", Transport = odoo.Transport, NewApiKey = apiKey };
        var before = errors.Count;
        Report(await odooValidator.ValidateAsync(form, cancellationToken), "odoo", missing, errors,
            new Dictionary<string, string> { [nameof(OdooConnectionForm.NewApiKey)] = "apiKey" });
        return errors.Count == before && apiKey is not null ? new ValidatedOdooConnection(odoo, apiKey) : null;
    }

    private async Task<ValidatedStore?> ValidateStoreAsync(StoreConfiguration store, string path, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        var (credentialsJson, appSecret, address) = store.Platform == StorePlatform.Shopify
            ? await ValidateShopifyAsync(store, path, errors, cancellationToken)
            : await ValidateWooCommerceAsync(store, path, errors, cancellationToken);
        var features = Features(store.Features, path, errors);
        await ValidateFeaturesAsync(store, features, path, errors, cancellationToken);

        Report(await notificationValidator.ValidateAsync(new StoreNotificationForm { NotificationEmail = store.NotificationEmail ?? "" }, cancellationToken), path, [], errors);

        if (store.OrderSettings is { } orderSettings)
        {
            Report(await orderSettingsValidator.ValidateAsync(orderSettings, cancellationToken), $"{path}.orderSettings", [], errors);
        }

        var outbound = store.OutboundSettings ?? new OutboundSettingsConfiguration();
        var stock = new StockSettingsForm { QuantityRule = outbound.QuantityRule, BufferKind = outbound.BufferKind, BufferValue = outbound.BufferValue };
        Report(await stockValidator.ValidateAsync(stock, cancellationToken), $"{path}.outboundSettings", [], errors);
        var products = new ProductSettingsForm
        {
            Direction = store.ProductDirection,
            ExportPricelistId = outbound.ExportPricelistId,
            CreateMissingProducts = outbound.CreateMissingProducts,
            ExportImages = outbound.ExportImages,
            ExportDescriptions = outbound.ExportDescriptions,
        };
        Report(await productValidator.ValidateAsync(products, cancellationToken), $"{path}.outboundSettings", [], errors,
            new Dictionary<string, string> { [nameof(ProductSettingsForm.Direction)] = "^productDirection" });

        await ListAsync(store.TaxMappings, $"{path}.taxMappings", taxValidator, m => m.NaturalKey(), "title, rate, country and inclusion", errors, cancellationToken);
        await ListAsync(store.ShippingMappings, $"{path}.shippingMappings", shippingValidator, m => m.NaturalKey(), "method", errors, cancellationToken);
        await ListAsync(store.JournalMappings, $"{path}.journalMappings", journalValidator, m => m.NaturalKey(), "gateway", errors, cancellationToken);
        await ListAsync(store.LocationMappings, $"{path}.locationMappings", locationValidator, m => m.NaturalKey(), "store location id", errors, cancellationToken);
        await ListAsync(store.ProductLinks, $"{path}.productLinks", productLinkValidator, m => m.NaturalKey(), "SKU", errors, cancellationToken);
        if (store.LocationMappings is { } locations)
        {
            foreach (var extra in locations.Select((m, i) => (m, i)).Where(x => x.m?.IsPrimary == true).Skip(1))
            {
                errors.Add(new ConfigurationError($"{path}.locationMappings[{extra.i}].isPrimary", "Only one location is primary: orders ship from its warehouse."));
            }
        }

        return errors.Count == before ? new ValidatedStore(store, address, credentialsJson!, appSecret, features) : null;
    }

    /// <summary>
    /// The Features tab's validator, and the mapping requirements the file itself can answer (Refunds need Orders, Stock
    /// and Fulfilment a mapped primary location, one customer for every order a chosen customer). Left-out mappings or
    /// order settings stay as the store has them, so they are not judged from the file.
    /// </summary>
    private async Task ValidateFeaturesAsync(StoreConfiguration store, StoreFeatures features, string path, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var form = new StoreFeaturesForm { Products = store.ProductDirection, NotifyCustomerOnFulfilment = store.OutboundSettings?.NotifyCustomerOnFulfilment ?? true };
        Report(await featuresValidator.ValidateAsync(form, cancellationToken), path, [], errors,
            new Dictionary<string, string> { [nameof(StoreFeaturesForm.Products)] = "productDirection" });

        var wanted = store.LocationMappings is null ? features & ~(StoreFeatures.Stock | StoreFeatures.Fulfilment) : features;
        var customers = store.OrderSettings ?? new StoreOrderSettingsForm { CustomerStrategy = CustomerStrategy.MatchByEmail };
        var readiness = new StoreFeatureReadiness(Guid.Empty, null, null,
            store.LocationMappings?.Any(m => m is { IsPrimary: true } && (m.OdooWarehouseId is not null || m.OdooLocationId is not null)) == true,
            customers.CustomerStrategy, customers.SingleCustomerId);
        foreach (var block in StoreFeatureRequirements.SettingsBlocks(readiness, wanted))
        {
            var index = store.Features.FindIndex(name => string.Equals(name, block.Feature.ToString(), StringComparison.OrdinalIgnoreCase));
            errors.Add(new ConfigurationError($"{path}.features[{index}]", $"{block.Feature} cannot be on. {block.Reason}"));
        }
    }

    private async Task<(string? Credentials, string? AppSecret, string Address)> ValidateShopifyAsync(
        StoreConfiguration store, string path, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var credentials = store.Credentials ?? new StoreCredentialsConfiguration();
        OtherPlatformSecrets(path, errors, ("consumerKey", credentials.ConsumerKey), ("consumerSecret", credentials.ConsumerSecret));
        var missing = new HashSet<string>();
        var token = Secret(credentials.AccessToken, $"{path}.credentials.accessToken", "the Admin API access token", nameof(ShopifyStoreForm.AccessToken), missing, errors);
        var appSecret = Secret(credentials.AppSecret, $"{path}.credentials.appSecret", "the app's API secret", nameof(ShopifyStoreForm.AppSecret), missing, errors);
        var form = new ShopifyStoreForm { Name = store.Name ?? "", Shop = store.Address ?? "", AccessToken = token ?? "", AppSecret = appSecret ?? "" };
        Report(await shopifyValidator.ValidateAsync(form, cancellationToken), path, missing, errors, new Dictionary<string, string>
        {
            [nameof(ShopifyStoreForm.Shop)] = "address",
            [nameof(ShopifyStoreForm.AccessToken)] = "credentials.accessToken",
            [nameof(ShopifyStoreForm.AppSecret)] = "credentials.appSecret",
        });
        if (store.AllowInsecureHttp)
        {
            errors.Add(new ConfigurationError($"{path}.allowInsecureHttp", "Shopify is reached over https only; leave this false."));
        }

        var json = token is null ? null : new ShopifyCredentials(token.Trim(), string.IsNullOrWhiteSpace(credentials.ClientId) ? null : credentials.ClientId.Trim()).ToJson();
        return (json, appSecret?.Trim(), StoreAddresses.NormalizeShop(store.Address ?? ""));
    }

    private async Task<(string? Credentials, string? AppSecret, string Address)> ValidateWooCommerceAsync(
        StoreConfiguration store, string path, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var credentials = store.Credentials ?? new StoreCredentialsConfiguration();
        OtherPlatformSecrets(path, errors, ("accessToken", credentials.AccessToken), ("appSecret", credentials.AppSecret));
        if (credentials.ClientId is not null)
        {
            errors.Add(new ConfigurationError($"{path}.credentials.clientId", "A WooCommerce site has no app client id; leave it out."));
        }

        var missing = new HashSet<string>();
        var key = Secret(credentials.ConsumerKey, $"{path}.credentials.consumerKey", "the consumer key", nameof(WooCommerceStoreForm.ConsumerKey), missing, errors);
        var secret = Secret(credentials.ConsumerSecret, $"{path}.credentials.consumerSecret", "the consumer secret", nameof(WooCommerceStoreForm.ConsumerSecret), missing, errors);
        var form = new WooCommerceStoreForm { Name = store.Name ?? "", SiteUrl = store.Address ?? "", ConsumerKey = key ?? "", ConsumerSecret = secret ?? "", AllowInsecureHttp = store.AllowInsecureHttp };
        Report(await wooCommerceValidator.ValidateAsync(form, cancellationToken), path, missing, errors, new Dictionary<string, string>
        {
            [nameof(WooCommerceStoreForm.SiteUrl)] = "address",
            [nameof(WooCommerceStoreForm.ConsumerKey)] = "credentials.consumerKey",
            [nameof(WooCommerceStoreForm.ConsumerSecret)] = "credentials.consumerSecret",
        });
        var json = key is null || secret is null ? null : new WooCommerceCredentials(key.Trim(), secret.Trim()).ToJson();
        return (json, null, StoreAddresses.NormalizeSite(store.Address ?? ""));
    }

    private static void OtherPlatformSecrets(string path, List<ConfigurationError> errors, params (string Field, SecretReference? Reference)[] secrets)
    {
        foreach (var (field, _) in secrets.Where(s => s.Reference is not null))
        {
            errors.Add(new ConfigurationError($"{path}.credentials.{field}", "This credential belongs to the other platform; leave it out."));
        }
    }

    /// <summary>The secret's value, or null (and an error) when the reference or its variable is missing.</summary>
    private string? Secret(SecretReference? reference, string path, string what, string formProperty, HashSet<string> missing, List<ConfigurationError> errors)
    {
        string? problem = null;
        if (reference is null)
        {
            problem = $"Give {what} as a reference to an environment variable: {{ \"env\": \"NAME\" }}.";
        }
        else if (!VariableName().IsMatch(reference.Env))
        {
            problem = $"\"{reference.Env}\" is not an environment variable name (letters, digits and _, not starting with a digit).";
        }
        else if (string.IsNullOrEmpty(environment.Get(reference.Env)))
        {
            problem = $"The environment variable {reference.Env} is not set; it must hold {what}.";
        }

        if (problem is null)
        {
            return environment.Get(reference!.Env);
        }

        errors.Add(new ConfigurationError(path, problem));

        // The form's validator would say the same field is empty; once is enough.
        missing.Add(formProperty);
        return null;
    }

    private static StoreFeatures Features(List<string>? names, string path, List<ConfigurationError> errors)
    {
        var features = StoreFeatures.None;
        var known = Enum.GetValues<StoreFeatures>().Where(f => f != StoreFeatures.None && f != StoreFeatures.Default).ToList();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            var feature = known.FirstOrDefault(f => string.Equals(f.ToString(), names![i], StringComparison.OrdinalIgnoreCase));
            if (feature == StoreFeatures.None)
            {
                errors.Add(new ConfigurationError($"{path}.features[{i}]", $"\"{names![i]}\" is not a feature; the features are {string.Join(", ", known)}."));
            }

            features |= feature;
        }

        return features;
    }

    private static async Task ListAsync<TForm>(
        List<TForm>? forms, string path, IValidator<TForm> validator, Func<TForm, string> key, string keyName, List<ConfigurationError> errors, CancellationToken cancellationToken)
        where TForm : class
    {
        if (forms is null)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < forms.Count; i++)
        {
            if (forms[i] is not { } form)
            {
                errors.Add(new ConfigurationError($"{path}[{i}]", "A mapping is an object, not null."));
                continue;
            }

            var result = await validator.ValidateAsync(form, cancellationToken);
            Report(result, $"{path}[{i}]", [], errors);
            if (result.IsValid && !seen.TryAdd(key(form), i))
            {
                errors.Add(new ConfigurationError($"{path}[{i}]", $"{path[(path.LastIndexOf('.') + 1)..]}[{seen[key(form)]}] has the same {keyName}; each appears once."));
            }
        }
    }

    /// <param name="missing">Form properties whose secret is already reported missing.</param>
    /// <param name="fields">Form properties whose field in the document has another name; "^" starts from the store rather than the block.</param>
    private static void Report(ValidationResult result, string path, HashSet<string> missing, List<ConfigurationError> errors, IReadOnlyDictionary<string, string>? fields = null)
    {
        foreach (var failure in result.Errors.Where(f => !missing.Contains(f.PropertyName)))
        {
            var field = fields?.GetValueOrDefault(failure.PropertyName) ?? JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName);
            var fullPath = field.StartsWith('^') ? $"{path[..path.LastIndexOf('.')]}.{field[1..]}" : $"{path}.{field}";
            errors.Add(new ConfigurationError(fullPath, failure.ErrorMessage));
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
