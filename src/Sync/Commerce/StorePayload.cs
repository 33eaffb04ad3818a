using System.Text.Json;

namespace Portal.Sync.Commerce;

/// <summary>Reads a store's JSON body into the canonical model, turning every kind of bad input into a <see cref="CommercePayloadException"/>.</summary>
internal static class StorePayload
{
    public static T Read<T>(string json, string resource, Func<PayloadNode, T> map)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json, resource);
        var root = new PayloadNode(document.RootElement, resource, "");
        return map(root.AsObject());
    }

    private static JsonDocument Parse(string json, string resource)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new CommercePayloadException(resource, $"not valid JSON ({error.Message})");
        }
    }
}
