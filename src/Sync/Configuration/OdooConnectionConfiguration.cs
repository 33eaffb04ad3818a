using Portal.Sync.Odoo;

namespace Portal.Sync.Configuration;

/// <summary>The tenant's Odoo connection; its API key is read from an environment variable.</summary>
public sealed class OdooConnectionConfiguration
{
    public string Url { get; set; } = "";
    public string Database { get; set; } = "";
    public string Login { get; set; } = "";
    public OdooTransportKind Transport { get; set; } = OdooTransportKind.Auto;
    public SecretReference? ApiKey { get; set; }
}
