using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// The images list of a product write as WooCommerce resolves it before saving: an entry with an id names an image
/// the site has, an entry with only a src is downloaded right then (media_sideload_image) and becomes a new
/// attachment; a src that does not answer 200 with an image fails the whole write with
/// <c>woocommerce_product_image_upload_error</c>, as the real site does.
/// </summary>
public sealed class FakeWooCommerceImages(FakeWooCommerceShop shop, Func<Uri> siteUrl) : IDisposable
{
    private readonly HttpClient http = new();
    private readonly ConcurrentDictionary<long, (JsonObject Image, byte[] Bytes, string ContentType)> attachments = new();

    /// <summary>What the site downloaded for the attachment, as it stored it.</summary>
    public (byte[] Bytes, string ContentType) Downloaded(long attachmentId) =>
        attachments.TryGetValue(attachmentId, out var attachment) ? (attachment.Bytes, attachment.ContentType) : throw new KeyNotFoundException($"No attachment {attachmentId} was downloaded.");

    internal async Task ResolveAsync(long productId, JsonObject body)
    {
        if (body["images"] is not JsonArray images)
        {
            return;
        }

        var current = (shop.Product(productId)?["images"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(i => i["id"]!.GetValue<long>());
        var resolved = new JsonArray();
        foreach (var image in images.OfType<JsonObject>())
        {
            var alt = image["alt"]?.GetValue<string>();
            JsonObject entry;
            if (image["id"] is JsonValue given && given.GetValue<long>() is > 0 and var id)
            {
                entry = (JsonObject)(current.GetValueOrDefault(id) ?? (attachments.TryGetValue(id, out var known) ? known.Image : null))?.DeepClone()!
                        ?? throw new FakeWooCommerceException("woocommerce_product_invalid_image_id", $"#{id} is an invalid image ID.", 400);
            }
            else if (image["src"]?.GetValue<string>() is { Length: > 0 } src)
            {
                entry = await SideloadAsync(src);
            }
            else
            {
                continue;
            }

            if (alt is not null)
            {
                entry["alt"] = alt;
            }

            resolved.Add(entry);
        }

        body["images"] = resolved;
    }

    public void Dispose() => http.Dispose();

    // wc_rest_allowed_image_mime_types()
    private static readonly HashSet<string> AllowedExtensions = new(["jpg", "jpeg", "jpe", "gif", "png", "bmp", "tiff", "tif", "ico", "webp"], StringComparer.OrdinalIgnoreCase);

    private async Task<JsonObject> SideloadAsync(string src)
    {
        byte[] bytes;
        string? contentType;
        try
        {
            using var response = await http.GetAsync(new Uri(src));
            contentType = response.Content.Headers.ContentType?.MediaType;
            bytes = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw UploadError(src, $"{(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (Exception error) when (error is HttpRequestException or UriFormatException or TaskCanceledException)
        {
            throw UploadError(src, error.Message);
        }

        // WordPress types a sideloaded file by its name's extension (wp_check_filetype), whatever the server said.
        var name = Path.GetFileName(new Uri(src).AbsolutePath);
        if (!AllowedExtensions.Contains(Path.GetExtension(name).TrimStart('.')) || contentType is null || !contentType.StartsWith("image/", StringComparison.Ordinal) || bytes.Length == 0)
        {
            throw UploadError(src, "Sorry, you are not allowed to upload this file type.");
        }

        var id = shop.NextAttachmentId();
        var image = new JsonObject
        {
            ["id"] = id,
            ["src"] = new Uri(siteUrl(), $"wp-content/uploads/{id}-{name}").AbsoluteUri,
            ["name"] = name,
            ["alt"] = "",
        };
        FakeWooCommerceShop.Stamp(image, "date_created", shop.Now);
        FakeWooCommerceShop.Stamp(image, "date_modified", shop.Now);
        attachments[id] = (image, bytes, contentType);
        return (JsonObject)image.DeepClone();
    }

    private static FakeWooCommerceException UploadError(string src, string problem) =>
        new("woocommerce_product_image_upload_error", $"Error getting remote image {src}. Error: {problem}", 400);
}
