using System.Security.Cryptography;
using System.Text;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

public class WooCommerceOAuth1Tests
{
    /// <summary>
    /// A published one-legged vector: adonisjs/ally, test/oauth1-signature.spec.ts ("create signature for the oauth1
    /// request token" and the two tests after it), HMAC-SHA1 keyed with "a-sample-oauth-secret&amp;". The client signs
    /// with SHA-256, but the base string is the same for both, so the SHA-1 vector checks it.
    /// </summary>
    [Theory]
    [InlineData(null, null, "1yZxHeatgLgRvfgk3gXo8DbYHC0=")]
    [InlineData("name", "foo", "Pn2gu172CDNq2Isq56jOzWyUX9Y=")]
    [InlineData("oauth_callback", "http://localhost:3000", "O1NuGi8umAwm2EQnF7XwlWUBHnc=")]
    public void The_base_string_reproduces_a_published_signature(string? extraName, string? extraValue, string signature)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            KeyValuePair.Create("oauth_consumer_key", "a-sample-oauth-key"),
            KeyValuePair.Create("oauth_nonce", "123456"),
            KeyValuePair.Create("oauth_signature_method", "HMAC-SHA1"),
            KeyValuePair.Create("oauth_timestamp", "1582326295"),
            KeyValuePair.Create("oauth_version", "1.0"),
        ];
        if (extraName is not null)
        {
            parameters.Add(KeyValuePair.Create(extraName, extraValue!));
        }

        var baseString = WooCommerceOAuth1.BaseString(HttpMethod.Post, new Uri("http://example.com/wp-json/wp/v2/posts"), parameters);

#pragma warning disable CA5350 // The published vector is HMAC-SHA1.
        var computed = Convert.ToBase64String(HMACSHA1.HashData("a-sample-oauth-secret&"u8, Encoding.UTF8.GetBytes(baseString)));
#pragma warning restore CA5350
        Assert.Equal(signature, computed);
    }

    [Fact]
    public void The_base_string_is_built_as_WooCommerce_rebuilds_it()
    {
        var baseString = WooCommerceOAuth1.BaseString(HttpMethod.Get, new Uri("http://shop.example.com/wp-json/wc/v3/orders?per_page=100"),
        [
            KeyValuePair.Create("per_page", "100"),
            KeyValuePair.Create("modified_after", "2026-11-24T08:59:59"),
            KeyValuePair.Create("oauth_consumer_key", "ck_1"),
            KeyValuePair.Create("search", "a b+c"),
        ]);

        // Sorted by name; each name and value encoded, then each pair encoded again and joined with %26.
        Assert.Equal(
            "GET&http%3A%2F%2Fshop.example.com%2Fwp-json%2Fwc%2Fv3%2Forders&"
            + "modified_after%3D2026-11-24T08%253A59%253A59%26oauth_consumer_key%3Dck_1%26per_page%3D100%26search%3Da%2520b%252Bc",
            baseString);
    }

    [Fact]
    public void A_signed_address_keeps_its_query_and_adds_the_oauth_parameters()
    {
        var signed = WooCommerceOAuth1.Sign(HttpMethod.Get, new Uri("http://shop.example.com/wp-json/wc/v3/orders?page=2"),
            new WooCommerceCredentials("ck_1", "cs_1"), new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        var query = signed.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=')[0]).ToList();
        Assert.Equal(["page", "oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp", "oauth_signature"], query);
        Assert.Contains("oauth_timestamp=1795510800", signed.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("cs_1", signed.AbsoluteUri, StringComparison.Ordinal);
    }
}
