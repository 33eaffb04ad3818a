using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// A warehouse worker at the fake Odoo's screens: enters a delivery's tracking reference and picked quantities and
/// validates it, through the same calls the Odoo client makes. A delivery picked in part answers with the backorder
/// wizard, whose "Create Backorder" validates it again with skip_backorder, leaving the rest on a backorder.
/// </summary>
public sealed class FakeOdooWarehouse(FakeOdooServer odoo)
{
    /// <summary>Validates the delivery; <paramref name="picked"/> (product id → quantity) defaults to all of the demand. Returns the backorder's id, if one was made.</summary>
    public long? Ship(long pickingId, string? trackingReference, IReadOnlyDictionary<long, decimal>? picked = null)
    {
        var before = odoo.Records.Pickings().Select(p => p.Id).ToHashSet();
        var delivery = odoo.Records.Pickings().Single(p => p.Id == pickingId);
        if (trackingReference is not null)
        {
            odoo.Service.Execute(odoo.Admin, "stock.picking", "write", [pickingId], new JsonObject { ["vals"] = new JsonObject { ["carrier_tracking_ref"] = trackingReference } });
        }

        foreach (var move in delivery.Moves.Where(m => m.State != "cancel"))
        {
            var quantity = picked is null ? move.Demand : picked.GetValueOrDefault(move.ProductId);
            odoo.Service.Execute(odoo.Admin, "stock.move", "write", [move.Id], new JsonObject { ["vals"] = new JsonObject { ["quantity"] = quantity, ["picked"] = true } });
        }

        if (odoo.Service.Execute(odoo.Admin, "stock.picking", "button_validate", [pickingId], []) is JsonObject { } wizard)
        {
            if (wizard["res_model"]?.GetValue<string>() != "stock.backorder.confirmation")
            {
                throw new InvalidOperationException($"Validating {delivery.Name} answered {wizard.ToJsonString()}.");
            }

            odoo.Service.Execute(odoo.Admin, "stock.picking", "button_validate", [pickingId],
                new JsonObject { ["context"] = new JsonObject { ["skip_backorder"] = true, ["skip_sms"] = true } });
        }

        return odoo.Records.Pickings().Select(p => p.Id).Where(id => !before.Contains(id)).Cast<long?>().SingleOrDefault();
    }
}
