namespace Portal.Sync.Stores;

/// <summary>A webhook subscription as the platform reports it; <see cref="Active"/> is false when the platform disabled or paused it.</summary>
public sealed record RemoteWebhook(string Id, string Topic, Uri Address, bool Active);
