using Portal.Data.Entities;

namespace Portal.Sync.Configuration;

/// <summary>A store of a valid document, with what validation worked out: its address as stores are kept, its secrets read, its features.</summary>
public sealed record ValidatedStore(StoreConfiguration Configuration, string Address, string CredentialsJson, string? AppSecret, StoreFeatures Features);
