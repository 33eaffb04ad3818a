using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Products;

/// <summary>A template's main image (image_1920) as its bytes, their SHA-256, the type its first bytes say, and the template's name for alt text.</summary>
public sealed record OdooTemplateImage(byte[] Bytes, string Checksum, string ContentType, string Title)
{
    public const string Field = "image_1920";

    private static readonly JsonArray EitherActive = [true, false];

    /// <summary>The image; null when the template has none (Odoo answers false) or no longer exists.</summary>
    public static async Task<OdooTemplateImage?> ReadAsync(OdooClient odoo, long templateId, CancellationToken cancellationToken)
    {
        var templates = await odoo.SearchReadAsync("product.template",
            OdooDomain.Where("id", "=", templateId).And(OdooDomain.Where("active", "in", EitherActive.DeepClone())), ["name", Field], cancellationToken: cancellationToken);
        if (templates.FirstOrDefault() is not JsonObject template || template[Field] is not JsonValue value || !value.TryGetValue<string>(out var base64) || base64.Length == 0)
        {
            return null;
        }

        var bytes = Convert.FromBase64String(base64);
        return new OdooTemplateImage(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), ContentTypeOf(bytes), template.Text("name") ?? "");
    }

    /// <summary>The file name extension of the image's type, empty for a type no store takes.</summary>
    public string Extension => ContentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "image/svg+xml" => ".svg",
        _ => "",
    };

    /// <summary>Odoo keeps whatever was uploaded; the stores need the real type, so it comes from the magic bytes.</summary>
    public static string ContentTypeOf(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ when bytes.IndexOf("<svg"u8) is >= 0 and < 512 => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
