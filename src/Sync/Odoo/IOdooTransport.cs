using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>Sends one call to Odoo and returns its bare result, or throws a classified <see cref="OdooException"/>.</summary>
internal interface IOdooTransport
{
    Task<JsonNode?> ExecuteAsync(OdooCall call, JsonObject context, CancellationToken cancellationToken);
}
