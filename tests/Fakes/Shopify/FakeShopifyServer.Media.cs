using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Shopify;

/// <summary>
/// Product media as productUpdate(media:) appends it and fileDelete removes it. Like Shopify, the fake does not
/// download the source while answering: the media stays UPLOADED with its originalSource for the test to fetch.
/// </summary>
public sealed partial class FakeShopifyServer
{
    /// <summary>The product's media in order: each with id, alt, mediaContentType and originalSource.url.</summary>
    public IReadOnlyList<JsonObject> Media(long productId)
    {
        lock (productsGate)
        {
            return [.. (products[productId]["media"] as JsonArray ?? []).OfType<JsonObject>().Select(m => (JsonObject)m.DeepClone())];
        }
    }

    /// <summary>Adds an image as a merchant would in the admin; returns the media's numeric id.</summary>
    public long AddMerchantImage(long productId, Uri source)
    {
        lock (productsGate)
        {
            return AppendMedia(products[productId], source.AbsoluteUri, "Merchant's photo");
        }
    }

    private void AddProductMedia(JsonObject input, JsonArray media, JsonArray userErrors, JsonObject payload)
    {
        lock (productsGate)
        {
            var gid = input["id"]?.GetValue<string>();
            if (products.Values.FirstOrDefault(p => p["id"]!.GetValue<string>() == gid) is not { } product)
            {
                userErrors.Add(UserError(["product", "id"], "Product does not exist"));
                return;
            }

            var given = media.OfType<JsonObject>().ToList();
            for (var i = 0; i < given.Count; i++)
            {
                var source = given[i]["originalSource"]?.GetValue<string>();
                if (!Uri.TryCreate(source, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                {
                    userErrors.Add(UserError(["media", i.ToString(CultureInfo.InvariantCulture), "originalSource"], "Image URL is invalid"));
                    return;
                }

                if (given[i]["mediaContentType"]?.GetValue<string>() is not ("IMAGE" or "VIDEO" or "EXTERNAL_VIDEO" or "MODEL_3D"))
                {
                    userErrors.Add(UserError(["media", i.ToString(CultureInfo.InvariantCulture), "mediaContentType"], "Media content type is invalid"));
                    return;
                }
            }

            foreach (var item in given)
            {
                AppendMedia(product, item["originalSource"]!.GetValue<string>(), item["alt"]?.GetValue<string>() ?? "");
            }

            payload["product"] = product.DeepClone();
        }
    }

    private void DeleteFiles(JsonArray fileIds, JsonArray userErrors, JsonObject payload)
    {
        lock (productsGate)
        {
            var ids = fileIds.Select(id => id!.GetValue<string>()).ToList();
            var all = products.Values.SelectMany(p => (p["media"] as JsonArray ?? []).OfType<JsonObject>().Select(m => (Product: p, Media: m))).ToList();
            if (ids.FirstOrDefault(id => all.All(found => found.Media["id"]!.GetValue<string>() != id)) is { } missing)
            {
                userErrors.Add(UserError(["fileIds"], $"File id {missing} does not exist.", "FILE_DOES_NOT_EXIST"));
                return;
            }

            foreach (var (product, media) in all.Where(found => ids.Contains(found.Media["id"]!.GetValue<string>())))
            {
                product["media"]!.AsArray().Remove(media);
            }

            payload["deletedFileIds"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]);
        }
    }

    private long AppendMedia(JsonObject product, string source, string alt)
    {
        var id = NextResourceId();
        (product["media"] ??= new JsonArray()).AsArray().Add(new JsonObject
        {
            ["__typename"] = "MediaImage",
            ["id"] = $"gid://shopify/MediaImage/{id}",
            ["alt"] = alt,
            ["mediaContentType"] = "IMAGE",
            ["status"] = "UPLOADED",
            ["originalSource"] = new JsonObject { ["url"] = source },
            // Shopify serves the processed image from its CDN under the uploaded file's name.
            ["image"] = new JsonObject { ["url"] = $"https://cdn.shopify.com/s/files/1/0000/0001/files/{Path.GetFileName(new Uri(source).AbsolutePath)}?v={id}" },
        });
        return id;
    }
}
