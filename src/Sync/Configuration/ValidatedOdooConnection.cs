namespace Portal.Sync.Configuration;

/// <summary>The Odoo connection of a valid document, with its API key read from the environment.</summary>
public sealed record ValidatedOdooConnection(OdooConnectionConfiguration Configuration, string ApiKey);
