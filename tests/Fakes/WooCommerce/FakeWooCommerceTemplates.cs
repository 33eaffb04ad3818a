using System.Text.Json.Nodes;

namespace Portal.Fakes.WooCommerce;

/// <summary>The real v3 samples from WooCommerce's REST API docs (tests/Fixtures/real/woocommerce), each read afresh as a starting point.</summary>
internal static class FakeWooCommerceTemplates
{
    public static JsonObject Order() => Load("order");

    public static JsonObject Product() => Load("product");

    public static JsonObject Variation() => Load("product_variation");

    public static JsonObject Webhook() => Load("webhook");

    private static JsonObject Load(string name)
    {
        using var stream = typeof(FakeWooCommerceTemplates).Assembly.GetManifestResourceStream($"WooCommerce.{name}.json")
            ?? throw new InvalidOperationException($"The WooCommerce {name} sample is not embedded in the fakes.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
