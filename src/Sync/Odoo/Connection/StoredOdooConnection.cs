using Portal.Data.Entities;
using Portal.Sync.Secrets;

namespace Portal.Sync.Odoo.Connection;

/// <summary>The endpoint a tenant's saved Odoo connection stands for, as the flows, the pages and the checks reach it.</summary>
internal static class StoredOdooConnection
{
    /// <returns>Null while no connection with an API key is saved, so nothing can be asked of Odoo yet.</returns>
    public static OdooEndpoint? EndpointOf(OdooConnection? connection, SecretProtector secrets) =>
        connection?.ProtectedApiKey is null
            ? null
            : new OdooEndpoint(new Uri(connection.Url), connection.Database, connection.Login, secrets.Unprotect(connection.ProtectedApiKey),
                Enum.Parse<OdooTransportKind>(connection.Transport));
}
