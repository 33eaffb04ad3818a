using System.Text;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Webhooks;

public class WebhookSignatureTests
{
    // Shopify's published vectors (shopify-app-js and ShopifySharp tests), verbatim.
    [Theory]
    [InlineData("test_secret_key", """{"foo": "bar"}""", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=")]
    [InlineData("some-secret", "Bf", "3X6clrsy+C8mmzR/MeTh6b/EcLr46WLZaU+24GrPXOM=")]
    public void The_published_vectors_verify(string secret, string body, string signature)
    {
        Assert.True(WebhookSignature.IsValid(Encoding.UTF8.GetBytes(body), signature, Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(signature, WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(secret)));
    }

    [Fact]
    public void Another_secret_fails()
    {
        Assert.False(WebhookSignature.IsValid("Bf"u8, "3X6clrsy+C8mmzR/MeTh6b/EcLr46WLZaU+24GrPXOM=", "some-secret-2"u8));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("3X6clrsy+C8mmzR/MeTh6b/EcLr46WLZaU+24GrPXO==")]
    [InlineData("3X6clrsy")]
    public void A_missing_or_mangled_signature_fails(string? signature)
    {
        Assert.False(WebhookSignature.IsValid("Bf"u8, signature, "some-secret"u8));
    }

    [Fact]
    public void A_changed_body_fails()
    {
        Assert.False(WebhookSignature.IsValid("""{"foo": "baz"}"""u8, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=", "test_secret_key"u8));
    }
}
