using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// The portal addresses the stores download Odoo's product images from: /media/odoo/{tenant}/{template}/{checksum}.{ext}
/// with an expiry and a signature over both (WordPress accepts a downloaded image only under a file name whose
/// extension it allows, so the name ends in the image's), so only the image a job pushed can be fetched, only for a while, and
/// nobody can enumerate a tenant's templates. The signature is the path and expiry protected by Data Protection
/// (authenticated with HMAC-SHA256 under the portal's rotating, shared key ring), checked by unprotecting it; the
/// expiry is checked against <see cref="TimeProvider"/>, not Data Protection's own clock.
/// </summary>
public sealed class ProductImageAddresses(IDataProtectionProvider dataProtection, IOptions<StoresOptions> stores, TimeProvider clock)
{
    public const string PathPrefix = "/media/odoo";

    /// <summary>Long enough for Shopify's asynchronous download queue; WooCommerce downloads during the request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector keys = dataProtection.CreateProtector("Portal.ProductImages.v1");

    public bool Configured => stores.Value.PublicBaseUrl is not null;

    public Uri For(Guid tenantId, long templateId, OdooTemplateImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var baseUrl = stores.Value.PublicBaseUrl ?? throw new InvalidOperationException("Stores:PublicBaseUrl is not set.");
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var path = PathFor(tenantId, templateId, image.Checksum + image.Extension);
        return new Uri($"{baseUrl.AbsoluteUri.TrimEnd('/')}{path}?expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={Signature(path, expires)}");
    }

    /// <param name="fileName">The address's last segment: the checksum and the image's extension.</param>
    public bool IsValid(Guid tenantId, long templateId, string fileName, long expires, string? signature)
    {
        if (signature is null || DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(expires, 0, 253402300799)) <= clock.GetUtcNow())
        {
            return false;
        }

        try
        {
            var signed = keys.Unprotect(Base64Url.DecodeFromChars(signature));
            return CryptographicOperations.FixedTimeEquals(signed, Signed(PathFor(tenantId, templateId, fileName), expires));
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static string PathFor(Guid tenantId, long templateId, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{PathPrefix}/{tenantId:D}/{templateId}/{fileName}");

    private string Signature(string path, long expires) => Base64Url.EncodeToString(keys.Protect(Signed(path, expires)));

    private static byte[] Signed(string path, long expires) => Encoding.UTF8.GetBytes($"{path}\n{expires.ToString(CultureInfo.InvariantCulture)}");
}
