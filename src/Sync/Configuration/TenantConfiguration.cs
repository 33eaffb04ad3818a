namespace Portal.Sync.Configuration;

/// <summary>
/// A tenant's stores, their settings and mappings, and optionally its Odoo connection, as one JSON document
/// (see the README's "Configuration as code"). Secrets appear only as references to environment variables.
/// </summary>
public sealed class TenantConfiguration
{
    /// <summary>Which version of the document this is; <see cref="ConfigurationFormat.Current"/> is the only one read.</summary>
    public string Format { get; set; } = ConfigurationFormat.Current;

    /// <summary>Null leaves the tenant's Odoo connection as it is.</summary>
    public OdooConnectionConfiguration? Odoo { get; set; }

    public List<StoreConfiguration> Stores { get; set; } = [];
}
