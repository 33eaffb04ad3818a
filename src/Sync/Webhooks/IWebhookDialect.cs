using Microsoft.Extensions.Primitives;
using Portal.Data.Entities;

namespace Portal.Sync.Webhooks;

/// <summary>How one platform signs, names and identifies its webhooks, and which of its topics the connector uses.</summary>
public interface IWebhookDialect
{
    StorePlatform Platform { get; }

    /// <summary>The platform's headers worth keeping with the body: topic, ids, API version, trigger time.</summary>
    IEnumerable<KeyValuePair<string, string>> HeadersToKeep(Func<string, StringValues> header);

    string? Signature(Func<string, StringValues> header);

    string? Topic(Func<string, StringValues> header);

    /// <summary>The id that is the same for every delivery of one event, when the platform sends one.</summary>
    string? DeliveryId(Func<string, StringValues> header);

    /// <summary>A handshake the platform sends unsigned when a subscription is created; answered 200, nothing kept.</summary>
    bool IsPing(Func<string, StringValues> header, string? contentType, ReadOnlySpan<byte> body);

    WebhookRoute? Route(string topic);

    /// <summary>Reads the resource's id and label from the body; null when the body is not the JSON object the topic promises.</summary>
    WebhookResource? Resource(Guid storeId, System.Text.Json.JsonElement body);
}
