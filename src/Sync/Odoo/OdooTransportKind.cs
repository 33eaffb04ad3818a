namespace Portal.Sync.Odoo;

public enum OdooTransportKind
{
    /// <summary>JSON-2 on Odoo 19 and later, JSON-RPC before.</summary>
    Auto,
    JsonRpc,
    Json2,
}
