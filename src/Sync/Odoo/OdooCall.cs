using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>
/// One call in the form both transports share: JSON-RPC sends <see cref="Ids"/> as the first positional
/// argument and <see cref="Arguments"/> as keyword arguments; JSON-2 sends them all by name.
/// </summary>
public sealed record OdooCall(string Model, string Method, IReadOnlyList<long>? Ids, JsonObject Arguments)
{
    /// <summary>True for calls that change nothing, so a lost answer may be asked for again.</summary>
    public bool IsReadOnly => Method is "search_read" or "read" or "search" or "search_count" or "name_search" or "fields_get"
        or "check_access_rights" or "has_access" or "read_group" or "version" or "authenticate" or "login";
}
