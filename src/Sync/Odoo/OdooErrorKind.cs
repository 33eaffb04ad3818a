namespace Portal.Sync.Odoo;

/// <summary>The small set of Odoo failures the job engine acts on.</summary>
public enum OdooErrorKind
{
    /// <summary>Wrong or revoked key or password, unknown login or database: fix the connection.</summary>
    Authentication,

    /// <summary>The Odoo user lacks a right (AccessError): give the user the named right.</summary>
    Permission,

    /// <summary>Odoo refused the data (ValidationError, UserError): its message is kept verbatim for the merchant.</summary>
    Validation,

    /// <summary>A record, model or method Odoo does not have (MissingError, unknown model or method).</summary>
    Missing,

    /// <summary>Worth retrying later: timeouts, refused connections, 502/503/504, serialization conflicts.</summary>
    Transient,

    /// <summary>The server did not answer like Odoo, or refused our request's shape: retrying will not help.</summary>
    Protocol,
}
