namespace Portal.Sync.Webhooks;

public enum WebhookOutcome
{
    Accepted,
    Duplicate,
    Malformed,
    Unsupported,
    Ping,
    UnknownStore,
    Forged,
}

/// <summary>What the intake did with a webhook, and a sentence for the sender's logs (never a secret).</summary>
public sealed record WebhookReceipt(WebhookOutcome Outcome, string Message, Guid? DeliveryId = null, Guid? JobId = null);
