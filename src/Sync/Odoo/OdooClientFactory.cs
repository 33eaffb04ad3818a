using System.Collections.Concurrent;

namespace Portal.Sync.Odoo;

/// <summary>
/// One client per endpoint for the life of the process, so the version, the user id and field definitions
/// are asked once per connection rather than once per job.
/// </summary>
public sealed class OdooClientFactory(IHttpClientFactory httpClients)
{
    private readonly ConcurrentDictionary<OdooEndpoint, OdooClient> clients = new();

    public OdooClient For(OdooEndpoint endpoint) =>
        clients.GetOrAdd(endpoint, e => new OdooClient(e, httpClients.CreateClient(OdooHttp.ClientName)));

    /// <summary>A client that shares nothing cached: for testing a connection the user is still editing.</summary>
    public OdooClient Fresh(OdooEndpoint endpoint) => new(endpoint, httpClients.CreateClient(OdooHttp.ClientName));
}
