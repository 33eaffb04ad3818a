namespace Portal.Sync.Settings;

/// <summary>Odoo's records cannot be offered: the tenant has no Odoo connection, or Odoo refused or failed to answer.</summary>
public sealed class OdooUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
