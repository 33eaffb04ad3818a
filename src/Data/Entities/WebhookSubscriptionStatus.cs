namespace Portal.Data.Entities;

public enum WebhookSubscriptionStatus
{
    /// <summary>Registered, pointing at this portal, active.</summary>
    Active,

    /// <summary>Was missing, disabled or pointed elsewhere, and was registered again by the last check.</summary>
    Repaired,

    /// <summary>Missing, and registering it failed; <see cref="WebhookSubscription.Problem"/> says why.</summary>
    Failed,
}
