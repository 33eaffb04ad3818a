using System.Security.Cryptography;

namespace Portal.Sync.Webhooks;

/// <summary>
/// The signature both Shopify and WooCommerce put on a webhook: base64 HMAC-SHA256 of the raw body, keyed
/// with the shared secret. Compared in constant time, so the comparison tells a forger nothing.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret) => Convert.ToBase64String(HMACSHA256.HashData(secret, body));

    public static bool IsValid(ReadOnlySpan<byte> body, string? signature, ReadOnlySpan<byte> secret)
    {
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (string.IsNullOrEmpty(signature) || !Convert.TryFromBase64String(signature.Trim(), claimed, out var written) || written != claimed.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected);
    }
}
