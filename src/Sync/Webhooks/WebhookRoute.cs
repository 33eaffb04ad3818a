namespace Portal.Sync.Webhooks;

/// <summary>
/// Which flow a topic feeds, and how its job is named: <paramref name="Subject"/> and <paramref name="SubjectKey"/>
/// are built from the body's fields, so work on one order or product never runs twice at once.
/// <paramref name="EventKey"/> names the change the body shows (see <see cref="Stores.StoreEventKeys"/>), so the
/// same change seen through several topics, or by polling, is one job; null when the body cannot name it, and
/// then the delivery names the job.
/// </summary>
public sealed record WebhookRoute(string Flow, Func<WebhookResource, string> Subject, Func<WebhookResource, string> SubjectKey, Func<WebhookResource, string?> EventKey);

/// <summary>
/// The few fields of a webhook body the intake reads; flows fetch the rest fresh when they run.
/// <paramref name="UpdatedAt"/> is the version of the resource the body shows, when it says.
/// </summary>
public sealed record WebhookResource(Guid StoreId, string Id, string? Label, string? ParentId, DateTimeOffset? UpdatedAt);
