namespace Portal.Sync.Odoo;

/// <summary>
/// A failed Odoo call, classified. <see cref="Exception.Message"/> is meant for the merchant (Odoo's own
/// message for validation errors); <see cref="OdooName"/> and <see cref="Debug"/> are for the job detail
/// view, shown to admins and owners only.
/// </summary>
public sealed class OdooException(
    OdooErrorKind kind,
    string message,
    string? odooName = null,
    string? debug = null,
    string? model = null,
    string? method = null,
    Exception? innerException = null)
    : Exception(message, innerException)
{
    public OdooErrorKind Kind { get; } = kind;

    /// <summary>Odoo's exception class, e.g. odoo.exceptions.AccessError.</summary>
    public string? OdooName { get; } = odooName;

    /// <summary>Odoo's server-side traceback, when it sent one.</summary>
    public string? Debug { get; } = debug;

    public string? Model { get; } = model;

    public string? Method { get; } = method;
}
