namespace Portal.Sync.Webhooks;

/// <summary>How a received body is shown.</summary>
public enum WebhookBodyForm
{
    /// <summary>Valid JSON, shown indented.</summary>
    Json,

    /// <summary>UTF-8 text that is not JSON (a truncated body, a form post), shown exactly as received.</summary>
    Text,

    /// <summary>Not UTF-8: the first bytes shown as a hex dump.</summary>
    Binary,
}
