using Portal.Sync.Configuration;

namespace Portal.Tests.Configuration;

/// <summary>The environment variables samples/tenant-config.json refers to, for this test process's portal only.</summary>
internal sealed class SampleEnvironment : IEnvironmentVariables
{
    public const string ShopifyAccessToken = "shpat_sample_token_7c1e";

    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["ODOO_API_KEY"] = "odoo-key-sample",
        ["ALPHA_EU_SHOPIFY_ACCESS_TOKEN"] = ShopifyAccessToken,
        ["ALPHA_EU_SHOPIFY_APP_SECRET"] = "sample-app-secret",
        ["WHOLESALE_SITE_WOOCOMMERCE_CONSUMER_KEY"] = "ck_sample",
        ["WHOLESALE_SITE_WOOCOMMERCE_CONSUMER_SECRET"] = "cs_sample",
    };

    public static string SamplePath => Path.Combine(RepositoryPaths.Root, "samples", "tenant-config.json");

    public static string Sample => File.ReadAllText(SamplePath);

    public string? Get(string name) => Values.GetValueOrDefault(name);
}
