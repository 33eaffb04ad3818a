using System.Text.Json.Nodes;

namespace Portal.Fakes.WooCommerce;

/// <summary>What a fake route answers; a listing carries its totals for the X-WP-Total and X-WP-TotalPages headers.</summary>
internal sealed record FakeWooCommerceAnswer(int Status, JsonNode Body, int? Total = null, int? TotalPages = null, int Page = 1)
{
    public static FakeWooCommerceAnswer Ok(JsonNode body) => new(200, body);
}
