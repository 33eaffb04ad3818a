namespace Portal.Sync.Odoo.Connection;

/// <summary>The stored connection as the UI may show it: the API key only as "set, when".</summary>
public sealed record OdooConnectionSummary(
    string Url,
    string Database,
    string Login,
    OdooTransportKind Transport,
    bool HasApiKey,
    DateTimeOffset? ApiKeyChangedAt,
    DateTimeOffset UpdatedAt);
