using System.Text.Json.Nodes;

namespace Portal.Sync.Flows;

/// <summary>The store record a job is about, as webhooks and polling write it in the job's payload.</summary>
public static class StoreJobPayload
{
    public static string ResourceId(string payload) => Field(payload, "resourceId") ?? throw new InvalidOperationException("The job's payload names no store record.");

    public static string? OrderId(string payload) => Field(payload, "orderId");

    private static string? Field(string payload, string name) =>
        JsonNode.Parse(payload)?[name] is JsonValue value ? value.ToString() : null;
}
