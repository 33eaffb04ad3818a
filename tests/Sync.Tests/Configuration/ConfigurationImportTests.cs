using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Configuration;
using Portal.Sync.Secrets;
using Portal.Sync.Settings;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Configuration;

public class ConfigurationImportTests : IAsyncLifetime
{
    private ConfigurationTestBed bed = default!;

    public async Task InitializeAsync() => bed = await ConfigurationTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task The_sample_imports_cleanly_with_its_variables_set()
    {
        var result = await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Applied);

        // The Odoo connection and two stores, each with order and outbound settings; 2+2+2+1+1 and 1+0+1+1+0 mappings and links.
        Assert.Equal(1 + 2 + 4 + 8 + 3, result.Created);
        Assert.Equal(0, result.Updated);
        Assert.Equal(0, result.Removed);
        var stores = await bed.StoresAsync(bed.Alpha);
        Assert.Equal(["Alpha EU", "Wholesale site"], stores.Select(s => s.Name));
        var shop = stores[0];
        Assert.Equal(("alpha-eu.myshopify.com", StoreFeatures.Default, "ops@alpha.example"), (shop.Address, shop.Features, shop.NotificationEmail));
        var secrets = bed.Host.Services.GetRequiredService<SecretProtector>();
        Assert.Equal(new ShopifyCredentials("shpat_sample_token"), ShopifyCredentials.FromJson(secrets.Unprotect(shop.ProtectedCredentials!)));
        Assert.Equal("sample-app-secret", secrets.Unprotect(shop.ProtectedWebhookSecret!));
        Assert.NotNull(stores[1].ProtectedWebhookSecret);
        Assert.Equal(StoreFeatures.Orders | StoreFeatures.Payments | StoreFeatures.Stock, stores[1].Features);
        Assert.Equal([5L, 6L], await bed.ReadAsync(db => db.TaxMappings.IgnoreQueryFilters().Where(m => m.StoreId == shop.Id).OrderBy(m => m.OdooTaxId).Select(m => m.OdooTaxId).ToListAsync()));
        Assert.Equal(2m, await bed.ReadAsync(db => db.StoreOutboundSettings.IgnoreQueryFilters().Where(s => s.StoreId == shop.Id).Select(s => s.BufferValue).SingleAsync()));
        Assert.Equal("https://mycompany.odoo.com", await bed.ReadAsync(db => db.OdooConnections.IgnoreQueryFilters().Where(c => c.TenantId == bed.Alpha).Select(c => c.Url).SingleAsync()));

        // A store the import creates gets its webhooks checked as a connected one does.
        var jobs = await bed.JobsAsync(bed.Alpha);
        Assert.Equal(stores.Select(s => (Guid?)s.Id).Order(), jobs.Where(j => j.Flow == SubscriptionSyncFlow.Name).Select(j => j.StoreId).Order());

        // One audit entry per store changed, and one for the Odoo connection, by the member who imported.
        var audit = await bed.AuditAsync(bed.Alpha);
        Assert.Equal(["Alpha EU", "Odoo connection", "Wholesale site"], audit.Select(e => e.Subject).Order());
        Assert.All(audit, e => Assert.Equal((TenantConfigurationImporter.AuditAction, "owner@alpha.test"), (e.Action, e.ActorName)));
    }

    [Fact]
    public async Task Importing_the_same_document_again_changes_nothing_and_records_nothing()
    {
        await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);
        var audit = (await bed.AuditAsync(bed.Alpha)).Count;
        var jobs = (await bed.JobsAsync(bed.Alpha)).Count;

        var again = await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);

        Assert.True(again.IsValid, string.Join("\n", again.Errors));
        Assert.Equal((0, 0, 0), (again.Created, again.Updated, again.Removed));
        Assert.Equal(1 + 2 + 4 + 8 + 3, again.Unchanged);
        Assert.Empty(again.Changes);
        Assert.Equal(audit, (await bed.AuditAsync(bed.Alpha)).Count);
        Assert.Equal(jobs, (await bed.JobsAsync(bed.Alpha)).Count);
    }

    [Fact]
    public async Task An_export_imported_into_an_empty_tenant_gives_the_same_configuration()
    {
        await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);
        await bed.Service<TaxMappings>(bed.Alpha).AddAsync((await bed.StoresAsync(bed.Alpha))[0].Id,
            new TaxMappingForm { Title = "MwSt 19%", Rate = 0.19m, CountryCode = "DE", OdooTaxId = 11 });
        var exported = await bed.ExportAsync(bed.Alpha);

        var result = await bed.ImportAsync(bed.Bravo, exported);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(exported, await bed.ExportAsync(bed.Bravo));
        Assert.Contains("MwSt 19%", exported, StringComparison.Ordinal);
        Assert.Equal(2, (await bed.StoresAsync(bed.Bravo)).Count);
    }

    [Fact]
    public async Task The_export_holds_references_to_variables_and_never_a_secret()
    {
        bed.Environment.Values["ALPHA_EU_SHOPIFY_ACCESS_TOKEN"] = "shpat_do_not_leak_4f9a";
        bed.Environment.Values["ALPHA_EU_SHOPIFY_APP_SECRET"] = "app-secret-do-not-leak";
        bed.Environment.Values["WHOLESALE_SITE_WOOCOMMERCE_CONSUMER_SECRET"] = "cs_do_not_leak";
        bed.Environment.Values["ODOO_API_KEY"] = "odoo-key-do-not-leak";
        await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);

        var exported = await bed.ExportAsync(bed.Alpha);

        foreach (var secret in new[] { "shpat_do_not_leak_4f9a", "app-secret-do-not-leak", "cs_do_not_leak", "ck_sample", "odoo-key-do-not-leak" })
        {
            Assert.DoesNotContain(secret, exported, StringComparison.Ordinal);
        }

        var document = JsonNode.Parse(exported)!;
        Assert.Equal("odoo-connector/1", (string?)document["format"]);
        Assert.Equal("ALPHA_EU_SHOPIFY_ACCESS_TOKEN", (string?)document["stores"]![0]!["credentials"]!["accessToken"]!["env"]);
        Assert.Equal("WHOLESALE_SITE_WOOCOMMERCE_CONSUMER_KEY", (string?)document["stores"]![1]!["credentials"]!["consumerKey"]!["env"]);
        Assert.Equal("ODOO_API_KEY", (string?)document["odoo"]!["apiKey"]!["env"]);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_with_its_path_and_nothing_is_applied()
    {
        var document = JsonNode.Parse(ConfigurationTestBed.Sample)!;
        var shop = document["stores"]![0]!;
        shop["taxMappings"]![1]!["rate"] = 5.5;
        shop["taxMappings"]![0]!["title"] = "";
        shop["orderSettings"]!["totalTolerance"] = -1;
        shop["features"]!.AsArray().Add("Teleport");
        shop["address"] = "not a shop";
        shop["locationMappings"]!.AsArray().Add(new JsonObject
        {
            ["storeLocationId"] = "gid://shopify/Location/2", ["storeLocationName"] = "Lyon", ["odooWarehouseId"] = 2, ["odooLocationId"] = null, ["isPrimary"] = true,
        });
        document["stores"]![1]!["journalMappings"]!.AsArray().Add(new JsonObject { ["gateway"] = "bacs", ["odooJournalId"] = 10 });
        document["stores"]![1]!["outboundSettings"]!["bufferValue"] = 150;

        var result = await bed.ImportAsync(bed.Alpha, document.ToJsonString());

        Assert.False(result.Applied);
        Assert.Equal(
            [
                "stores[0].address",
                "stores[0].features[6]",
                "stores[0].locationMappings[1].isPrimary",
                "stores[0].orderSettings.totalTolerance",
                "stores[0].taxMappings[0].title",
                "stores[0].taxMappings[1].rate",
                "stores[1].journalMappings[1]",
                "stores[1].outboundSettings.bufferValue",
            ],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.Path == "stores[0].taxMappings[1].rate" && e.Message == "Enter the rate as a fraction between 0 and 1: 0.2 for 20 %.");
        Assert.Contains(result.Errors, e => e.Path == "stores[0].features[6]" && e.Message.Contains("\"Teleport\" is not a feature", StringComparison.Ordinal));
        Assert.Empty(await bed.StoresAsync(bed.Alpha));
        Assert.Empty(await bed.AuditAsync(bed.Alpha));
        Assert.Null(await bed.ReadAsync(db => db.OdooConnections.IgnoreQueryFilters().SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task A_missing_variable_is_named_and_nothing_is_applied()
    {
        bed.Environment.Values.Remove("ALPHA_EU_SHOPIFY_ACCESS_TOKEN");

        var result = await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);

        var error = Assert.Single(result.Errors);
        Assert.Equal("stores[0].credentials.accessToken", error.Path);
        Assert.Contains("ALPHA_EU_SHOPIFY_ACCESS_TOKEN is not set", error.Message, StringComparison.Ordinal);
        Assert.Empty(await bed.StoresAsync(bed.Alpha));
    }

    [Theory]
    [InlineData("\"shpat_in_clear\"", "stores[0].credentials.accessToken", "never in clear")]
    [InlineData("{ \"env\": \"1BAD NAME\" }", "stores[0].credentials.accessToken", "is not an environment variable name")]
    public async Task A_secret_is_accepted_only_as_a_reference_to_a_variable(string accessToken, string path, string message)
    {
        var document = JsonNode.Parse(ConfigurationTestBed.Sample)!;
        document["stores"]![0]!["credentials"]!["accessToken"] = JsonNode.Parse(accessToken);

        var error = Assert.Single((await bed.ImportAsync(bed.Alpha, document.ToJsonString())).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("odoo-connector/2")]
    [InlineData(null)]
    public async Task A_document_of_an_unknown_format_is_refused(string? format)
    {
        var document = JsonNode.Parse(ConfigurationTestBed.Sample)!;
        document["format"] = format;

        var error = Assert.Single((await bed.ImportAsync(bed.Alpha, document.ToJsonString())).Errors);

        Assert.Equal("format", error.Path);
        Assert.Contains("odoo-connector/1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_and_values_are_refused_with_their_path()
    {
        var document = JsonNode.Parse(ConfigurationTestBed.Sample)!;
        document["stores"]![0]!["productDirection"] = "Sideways";

        var error = Assert.Single((await bed.ImportAsync(bed.Alpha, document.ToJsonString())).Errors);

        Assert.Equal("stores[0].productDirection", error.Path);
        Assert.Equal("Expected one of: OdooToStore, StoreToOdoo, Off.", error.Message);

        document["stores"]![0]!["productDirection"] = "Off";
        document["stores"]![0]!["colour"] = "blue";
        error = Assert.Single((await bed.ImportAsync(bed.Alpha, document.ToJsonString())).Errors);
        Assert.Equal("\"colour\" is not a field here.", error.Message);
    }

    [Fact]
    public async Task Features_the_file_cannot_support_are_refused_as_the_features_tab_refuses_them()
    {
        var document = JsonNode.Parse(ConfigurationTestBed.Sample)!;
        var shop = document["stores"]![0]!;
        shop["features"] = new JsonArray("Refunds", "Stock");
        shop["locationMappings"]![0]!["isPrimary"] = false;

        var result = await bed.ImportAsync(bed.Alpha, document.ToJsonString());

        Assert.False(result.Applied);
        Assert.Equal(
            [
                ("stores[0].features[0]", "Refunds cannot be on. Refunds need Orders: a refund is credited against the order the connector imported."),
                ("stores[0].features[1]", "Stock cannot be on. The store's primary location is not mapped to an Odoo warehouse or stock location."),
            ],
            result.Errors.Select(e => (e.Path, e.Message)));

        // Mappings left out of the file stay as the store has them, so the file does not judge Stock by them.
        shop["features"] = new JsonArray("Orders", "Stock");
        shop.AsObject().Remove("locationMappings");
        Assert.True((await bed.ImportAsync(bed.Alpha, document.ToJsonString(), apply: false)).IsValid);
    }

    [Fact]
    public async Task A_dry_run_says_what_would_change_and_changes_nothing()
    {
        var preview = await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample, apply: false);

        Assert.False(preview.Applied);
        Assert.Equal(18, preview.Created);
        Assert.Contains(preview.Changes, c => c.Subject == "Alpha EU (Shopify alpha-eu.myshopify.com)" && c.Description == "tax mapping added: TVA 20% 0.2 FR included → Odoo tax 5");
        Assert.Empty(await bed.StoresAsync(bed.Alpha));
        Assert.Empty(await bed.AuditAsync(bed.Alpha));
        Assert.Empty(await bed.JobsAsync(bed.Alpha));
    }

    [Fact]
    public async Task A_changed_document_updates_matching_items_removes_missing_ones_and_audits_each_store_once()
    {
        await bed.ImportAsync(bed.Alpha, ConfigurationTestBed.Sample);
        var document = JsonNode.Parse(ConfigurationTestBed.Sample)!;
        var shop = document["stores"]![0]!;
        shop["taxMappings"]![0]!["odooTaxId"] = 50;
        shop["journalMappings"]!.AsArray().RemoveAt(1);
        shop["features"] = new JsonArray("Orders", "Payments");
        bed.Environment.Values["ALPHA_EU_SHOPIFY_APP_SECRET"] = "rotated-app-secret";
        var auditBefore = (await bed.AuditAsync(bed.Alpha)).Count;
        bed.Host.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await bed.ImportAsync(bed.Alpha, document.ToJsonString());

        Assert.Equal((0, 2, 1), (result.Created, result.Updated, result.Removed));
        var entry = Assert.Single((await bed.AuditAsync(bed.Alpha)).Skip(auditBefore));
        Assert.Equal("Alpha EU", entry.Subject);
        Assert.Contains("TVA 20% 0.2 FR included → Odoo tax 5 → TVA 20% 0.2 FR included → Odoo tax 50", entry.Details, StringComparison.Ordinal);
        Assert.Contains("journal mapping removed: paypal → Odoo journal 8", entry.Details, StringComparison.Ordinal);
        Assert.Contains("webhook secret replaced", entry.Details, StringComparison.Ordinal);
        var store = (await bed.StoresAsync(bed.Alpha))[0];
        Assert.Equal(StoreFeatures.Orders | StoreFeatures.Payments, store.Features);
        Assert.NotNull(store.ProtectedPreviousWebhookSecret);
        Assert.Equal(2, (await bed.JobsAsync(bed.Alpha)).Count(j => j.Flow == SubscriptionSyncFlow.Name && j.StoreId == store.Id));
    }

    [Fact]
    public async Task Only_those_who_manage_settings_import_or_export()
    {
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() =>
            bed.Service<TenantConfigurationImporter>(bed.Alpha, TenantRole.Finance).ImportAsync(ConfigurationTestBed.Sample, apply: true));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => bed.Service<TenantConfigurationExporter>(bed.Alpha, TenantRole.Viewer).ExportAsync());
    }
}
