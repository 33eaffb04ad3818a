using Portal.Data.Entities;

namespace Portal.Sync.Webhooks;

/// <summary>
/// What the intake needs of a store: who owns it, whether it takes webhooks (it is enabled and was not removed),
/// and the secrets that sign them.
/// </summary>
public sealed record WebhookStore(Guid Id, Guid TenantId, StorePlatform Platform, bool TakesWebhooks, byte[]? Secret, byte[]? PreviousSecret, DateTimeOffset? PreviousSecretValidUntil)
{
    /// <summary>Signed with the current secret, or with the previous one while the platform may still use it.</summary>
    public bool Verifies(ReadOnlySpan<byte> body, string? signature, DateTimeOffset now) =>
        (Secret is not null && WebhookSignature.IsValid(body, signature, Secret))
        || (PreviousSecret is not null && now < PreviousSecretValidUntil && WebhookSignature.IsValid(body, signature, PreviousSecret));
}
