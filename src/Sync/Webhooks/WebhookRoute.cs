namespace Portal.Sync.Webhooks;

/// <summary>
/// Which flow a topic feeds, and how its job is named: <paramref name="Subject"/> and <paramref name="SubjectKey"/>
/// are built from the body's fields, so work on one order or product never runs twice at once.
/// </summary>
public sealed record WebhookRoute(string Flow, Func<WebhookResource, string> Subject, Func<WebhookResource, string> SubjectKey);

/// <summary>The few fields of a webhook body the intake reads; flows fetch the rest fresh when they run.</summary>
public sealed record WebhookResource(Guid StoreId, string Id, string? Label, string? ParentId);
