using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Refunds;

/// <summary>
/// Creates the return of restocked goods from the sale order's done delivery with Odoo's return wizard, for
/// exactly the refunded quantities. Nothing delivered means nothing to return: null then.
/// </summary>
public sealed class ReturnPickings(OdooClient odoo, OdooVersionProfile profile)
{
    public async Task<long?> CreateAsync(long saleOrderId, IReadOnlyDictionary<long, decimal> quantitiesByProduct, CancellationToken cancellationToken)
    {
        var delivery = (await odoo.SearchReadAsync("stock.picking",
            OdooDomain.Where("sale_id", "=", saleOrderId).And(OdooDomain.Where("picking_type_code", "=", "outgoing")).And(OdooDomain.Where("state", "=", "done")),
            ["id"], 1, cancellationToken: cancellationToken)).FirstOrDefault();
        if (delivery is null || quantitiesByProduct.Count == 0)
        {
            return null;
        }

        var context = new JsonObject { ["active_id"] = delivery.Id(), ["active_ids"] = new JsonArray(delivery.Id()), ["active_model"] = "stock.picking" };
        var wizard = (await odoo.CreateAsync("stock.return.picking", [new JsonObject { ["picking_id"] = delivery.Id() }], context, cancellationToken))[0];
        var lines = await odoo.SearchReadAsync("stock.return.picking.line", OdooDomain.Where("wizard_id", "=", wizard), ["product_id"], cancellationToken: cancellationToken);
        var commands = new JsonArray(lines.OfType<JsonNode>()
            .Select(l => (JsonNode)new JsonArray(1, l.Id(), new JsonObject { ["quantity"] = (double)quantitiesByProduct.GetValueOrDefault(l.ManyToOneId("product_id") ?? 0) }))
            .ToArray());
        await odoo.WriteAsync("stock.return.picking", [wizard], new JsonObject { ["product_return_moves"] = commands }, cancellationToken);

        // Odoo 18 renamed the wizard's button from create_returns to action_create_returns.
        var method = profile.Version.Major >= 18 ? "action_create_returns" : "create_returns";
        var action = await odoo.CallAsync("stock.return.picking", method, [wizard], context: context, cancellationToken: cancellationToken);
        return action?["res_id"] is JsonValue created && created.TryGetValue<long>(out var picking) ? picking : null;
    }
}
