namespace Portal.Data.Entities;

/// <summary>
/// The inbox: every verified webhook exactly as it arrived (raw body and the platform's headers), once per
/// delivery. A repeated delivery is counted here, not stored or run again.
/// </summary>
public class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string Topic { get; set; }

    /// <summary>The platform's event or delivery id; the body's hash when the platform sent none.</summary>
    public required string DeliveryKey { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required byte[] Body { get; set; }
    public string? ContentType { get; set; }

    /// <summary>The platform's own headers (topic, ids, API version, trigger time) as a JSON object.</summary>
    public required string Headers { get; set; }
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Why a malformed or unsupported delivery did not run, in words a person can act on.</summary>
    public string? Problem { get; set; }
    public Guid? JobId { get; set; }
    public int DuplicatesSkipped { get; set; }
}
