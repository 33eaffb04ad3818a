namespace Portal.Sync.Odoo.Connection;

/// <summary>What a person edits on the Odoo connection page (and what configuration import supplies).</summary>
public sealed class OdooConnectionForm
{
    public string Url { get; set; } = "";
    public string Database { get; set; } = "";
    public string Login { get; set; } = "";

    /// <summary>Automatic (JSON-2 from Odoo 19, JSON-RPC before) unless a merchant's setup needs one protocol.</summary>
    public OdooTransportKind Transport { get; set; } = OdooTransportKind.Auto;

    /// <summary>Empty keeps the stored key; the stored key is never sent back to the browser.</summary>
    public string? NewApiKey { get; set; }

    /// <summary>Whether a key is already stored, so an empty <see cref="NewApiKey"/> is allowed.</summary>
    public bool HasStoredApiKey { get; set; }
}
