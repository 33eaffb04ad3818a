namespace Portal.Data.Entities;

public enum WebhookDeliveryStatus
{
    /// <summary>Verified and queued: its job carries it on.</summary>
    Accepted,

    /// <summary>Verified, but its body is not the JSON its topic promises; kept for a person, nothing runs.</summary>
    Malformed,

    /// <summary>Verified, but for a topic the connector does not use; kept, nothing runs.</summary>
    Unsupported,
}
