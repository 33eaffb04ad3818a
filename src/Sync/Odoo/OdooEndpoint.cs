namespace Portal.Sync.Odoo;

/// <summary>
/// Everything needed to call one Odoo database as one user. <see cref="Secret"/> is an API key (or a
/// password on JSON-RPC); it is decrypted only to build this and never logged.
/// </summary>
public sealed record OdooEndpoint(
    Uri Url,
    string Database,
    string Login,
    string Secret,
    OdooTransportKind Transport = OdooTransportKind.Auto,
    string Language = "en_US",
    string TimeZone = "UTC",
    long? CompanyId = null)
{
    public override string ToString() => $"{Url} db={Database} login={Login}";
}
