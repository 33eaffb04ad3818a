using System.Text.Json.Nodes;

namespace Portal.Sync.Flows.Orders;

/// <summary>
/// A sale order as the store order asks for it. <see cref="Fingerprint"/> changes exactly when something
/// written to Odoo would, so an update that only changed what Odoo does not hold writes nothing.
/// </summary>
public sealed record SaleOrderDraft(JsonObject Header, IReadOnlyList<SaleLineDraft> Lines, string Fingerprint);
