using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>Deliveries of confirmed orders, their validation, delivered quantities, stock, and the return wizard.</summary>
public sealed partial class FakeOdooService
{
    private bool IsStorable(long productId)
    {
        var product = db.Raw("product.product", productId);
        return db.Major >= 18
            ? product["is_storable"]?.GetValueKind() == JsonValueKind.True
            : product["detailed_type"]?.GetValue<string>() == "product";
    }

    private List<long> PickingsOf(long orderId) => db.Where("stock.picking", "sale_id", orderId);

    private bool IsOutgoing(long moveId) =>
        Id(db.Raw("stock.move", moveId)["picking_id"]) is { } picking && Text("stock.picking", picking, "picking_type_code") == "outgoing";

    // Odoo's procurement on confirmation and on every quantity change of a confirmed order: what is ordered but
    // neither delivered nor planned goes onto the open delivery (a new one when none is open); a lowered quantity
    // comes off the open delivery's moves. Returns count against what was delivered.
    private void LaunchDeliveries(long orderId)
    {
        var order = db.Raw("sale.order", orderId);
        foreach (var lineId in LinesOf(orderId))
        {
            var line = db.Raw("sale.order.line", lineId);
            if (Id(line["product_id"]) is not { } product || !IsStorable(product))
            {
                continue;
            }

            var moves = db.Where("stock.move", "sale_line_id", lineId).Where(m => State("stock.move", m) != "cancel").ToList();
            var planned = moves.Sum(m => (IsOutgoing(m) ? 1 : -1) * Amount(db.Raw("stock.move", m)["product_uom_qty"]));
            var missing = Amount(line["product_uom_qty"]) - planned;
            var open = moves.Where(m => IsOutgoing(m) && State("stock.move", m) != "done").ToList();
            if (missing > 0)
            {
                if (open.Count > 0)
                {
                    var move = db.Raw("stock.move", open[0]);
                    move["product_uom_qty"] = Amount(move["product_uom_qty"]) + missing;
                    move["quantity"] = Reserved(product, Amount(move["product_uom_qty"]));
                }
                else
                {
                    db.Create("stock.move", new JsonObject
                    {
                        ["name"] = db.DisplayName("product.product", product),
                        ["picking_id"] = OpenDelivery(orderId, order),
                        ["product_id"] = product,
                        ["product_uom_qty"] = missing,
                        ["quantity"] = Reserved(product, missing),
                        ["state"] = Reserved(product, missing) > 0 ? "assigned" : "confirmed",
                        ["sale_line_id"] = lineId,
                    });
                }
            }

            foreach (var moveId in open.TakeWhile(_ => missing < 0))
            {
                var move = db.Raw("stock.move", moveId);
                var taken = Math.Min(-missing, Amount(move["product_uom_qty"]));
                move["product_uom_qty"] = Amount(move["product_uom_qty"]) - taken;
                move["quantity"] = Math.Min(Amount(move["quantity"]), Amount(move["product_uom_qty"]));
                missing += taken;
                if (Amount(move["product_uom_qty"]) == 0)
                {
                    move["state"] = "cancel";
                }
            }
        }

        foreach (var picking in PickingsOf(orderId).Where(p => State("stock.picking", p) is not ("done" or "cancel")))
        {
            var moves = db.Where("stock.move", "picking_id", picking).Where(m => State("stock.move", m) != "cancel").ToList();
            db.Raw("stock.picking", picking)["state"] = moves.Count == 0 ? "cancel"
                : moves.All(m => Amount(db.Raw("stock.move", m)["quantity"]) >= Amount(db.Raw("stock.move", m)["product_uom_qty"])) ? "assigned"
                : "confirmed";
        }
    }

    // The reservation: all of the demand when the stock on hand covers it, else nothing (no partial reservations).
    private decimal Reserved(long productId, decimal demand) =>
        Amount(db.Raw("product.product", productId)["free_qty"]) >= demand ? demand : 0m;

    private long OpenDelivery(long orderId, JsonObject order) =>
        PickingsOf(orderId).FirstOrDefault(p => Text("stock.picking", p, "picking_type_code") == "outgoing" && State("stock.picking", p) is not ("done" or "cancel")) is var open and not 0
            ? open
            : db.Create("stock.picking", new JsonObject
            {
                ["name"] = db.NextName("WH/OUT/", 5),
                ["origin"] = order["name"]!.DeepClone(),
                ["sale_id"] = orderId,
                ["partner_id"] = (order["partner_shipping_id"] ?? order["partner_id"])!.DeepClone(),
                ["carrier_id"] = order["carrier_id"]?.DeepClone(),
                ["state"] = "assigned",
                ["picking_type_code"] = "outgoing",
            });

    // Odoo 17: a picking with nothing reserved or picked is refused; one picked only in part answers with the
    // backorder wizard, unless the context says skip_backorder (then the rest becomes a backorder, or is dropped
    // for the pickings in picking_ids_not_to_backorder).
    private JsonNode Validate(IReadOnlyList<long> pickings, JsonObject context)
    {
        foreach (var pickingId in pickings)
        {
            var state = State("stock.picking", pickingId);
            var moves = db.Where("stock.move", "picking_id", pickingId).Where(m => State("stock.move", m) != "cancel").ToList();
            if (state is "done" or "cancel" || moves.All(m => Amount(db.Raw("stock.move", m)["quantity"]) == 0))
            {
                throw FakeOdooException.User("You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities.");
            }

            var partial = moves.Any(m => Amount(db.Raw("stock.move", m)["quantity"]) < Amount(db.Raw("stock.move", m)["product_uom_qty"]));
            if (partial && context["skip_backorder"]?.GetValueKind() != JsonValueKind.True)
            {
                return new JsonObject
                {
                    ["name"] = "Create Backorder?",
                    ["type"] = "ir.actions.act_window",
                    ["res_model"] = "stock.backorder.confirmation",
                    ["view_mode"] = "form",
                    ["target"] = "new",
                    ["context"] = new JsonObject { ["button_validate_picking_ids"] = IdArray(pickings) },
                };
            }

            var backorder = partial && !IdList(context["picking_ids_not_to_backorder"]).Contains(pickingId);
            Done(pickingId, moves, backorder);
        }

        return JsonValue.Create(true);
    }

    private void Done(long pickingId, List<long> moves, bool backorder)
    {
        var picking = db.Raw("stock.picking", pickingId);
        picking["state"] = "done";
        picking["date_done"] = db.Now;
        db.Touch("stock.picking", pickingId);
        var incoming = picking["picking_type_code"]?.GetValue<string>() == "incoming";
        long? rest = null;
        foreach (var moveId in moves)
        {
            var move = db.Raw("stock.move", moveId);
            var done = Amount(move["quantity"]);
            var missing = Amount(move["product_uom_qty"]) - done;
            if (backorder && missing > 0)
            {
                rest ??= db.Create("stock.picking", new JsonObject
                {
                    ["name"] = db.NextName(incoming ? "WH/IN/" : "WH/OUT/", 5),
                    ["origin"] = picking["origin"]?.DeepClone(),
                    ["sale_id"] = picking["sale_id"]?.DeepClone(),
                    ["partner_id"] = picking["partner_id"]?.DeepClone(),
                    ["carrier_id"] = picking["carrier_id"]?.DeepClone(),
                    ["state"] = "assigned",
                    ["picking_type_code"] = picking["picking_type_code"]?.DeepClone(),
                    ["backorder_id"] = pickingId,
                });
                db.Create("stock.move", new JsonObject
                {
                    ["name"] = move["name"]?.DeepClone(),
                    ["picking_id"] = rest,
                    ["product_id"] = move["product_id"]!.DeepClone(),
                    ["product_uom_qty"] = missing,
                    ["quantity"] = missing,
                    ["state"] = "assigned",
                    ["sale_line_id"] = move["sale_line_id"]?.DeepClone(),
                });
            }

            move["product_uom_qty"] = done;
            move["state"] = done == 0 ? "cancel" : "done";
            MoveStock(move["product_id"]!.GetValue<long>(), (incoming ? 1 : -1) * done);
            if (Id(move["sale_line_id"]) is { } line)
            {
                ComputeDelivered(line);
            }
        }
    }

    // stock_delivery: the carrier's tracking link with the picking's reference in it. Odoo 17's fixed and rule-based
    // carriers have no link (their get_tracking_link answers False); from 18 on they take the carrier's tracking_url.
    private void ComputeTrackingUrl(long pickingId)
    {
        var picking = db.Raw("stock.picking", pickingId);
        var reference = picking["carrier_tracking_ref"]?.GetValueKind() == JsonValueKind.String ? picking["carrier_tracking_ref"]!.GetValue<string>() : null;
        var link = Id(picking["carrier_id"]) is { } carrier && db.Major >= 18 && db.Raw("delivery.carrier", carrier)["tracking_url"] is JsonValue url
                   && url.GetValueKind() == JsonValueKind.String ? url.GetValue<string>() : null;
        picking["carrier_tracking_url"] = reference is not null && link is not null ? link.Replace("<shipmenttrackingnumber>", reference, StringComparison.Ordinal) : false;
    }

    // sale_stock: delivered = done deliveries to the customer less done returns from them.
    private void ComputeDelivered(long lineId)
    {
        var delivered = db.Where("stock.move", "sale_line_id", lineId)
            .Where(m => State("stock.move", m) == "done")
            .Sum(m => (IsOutgoing(m) ? 1 : -1) * Amount(db.Raw("stock.move", m)["quantity"]));
        db.Raw("sale.order.line", lineId)["qty_delivered"] = delivered;
        ComputeInvoiceStatus(OrderOf(lineId));
    }

    private void MoveStock(long productId, decimal quantity)
    {
        var quant = db.Where("stock.quant", "product_id", productId).FirstOrDefault();
        if (quant != 0)
        {
            var row = db.Raw("stock.quant", quant);
            row["quantity"] = Amount(row["quantity"]) + quantity;
            db.Touch("stock.quant", quant);
            ComputeStock(productId);
        }
    }

    /// <summary>
    /// Sets a product's on-hand quantity at a stock location as a person's inventory adjustment does (counted quantity,
    /// then apply), for tests' setup; the quant is created when the product has none there.
    /// </summary>
    public void SetOnHand(long productId, long locationId, decimal quantity)
    {
        lock (gate)
        {
            var quant = db.Where("stock.quant", "product_id", productId).FirstOrDefault(q => Id(db.Raw("stock.quant", q)["location_id"]) == locationId);
            if (quant == 0)
            {
                quant = db.Create("stock.quant", new JsonObject { ["product_id"] = productId, ["location_id"] = locationId, ["quantity"] = 0m, ["reserved_quantity"] = 0m });
            }

            db.Raw("stock.quant", quant)["inventory_quantity"] = quantity;
            ApplyInventory([quant]);
        }
    }

    // Odoo's inventory adjustment: each quant's counted quantity becomes its quantity, through a done move from (or to) the
    // inventory loss location, as Odoo 17–19 record it.
    private JsonValue ApplyInventory(IReadOnlyList<long> quantIds)
    {
        foreach (var quantId in quantIds)
        {
            var quant = db.Raw("stock.quant", quantId);
            var productId = quant["product_id"]!.GetValue<long>();
            var difference = Amount(quant["inventory_quantity"]) - Amount(quant["quantity"]);
            quant["quantity"] = Amount(quant["inventory_quantity"]);
            quant["inventory_quantity"] = 0m;
            quant["inventory_quantity_set"] = false;
            db.Touch("stock.quant", quantId);
            db.Create("stock.move", new JsonObject
            {
                ["name"] = "Product Quantity Updated", ["product_id"] = productId, ["product_uom_qty"] = Math.Abs(difference), ["quantity"] = Math.Abs(difference),
                ["picked"] = true, ["state"] = "done",
            });
            ComputeStock(productId);
        }

        return JsonValue.Create(true);
    }

    // product.product read with a "location" context: the quantities of that location's quants only (Odoo adds its
    // children; the fake's locations have none). Forecast is on hand less the open deliveries' demand; the fake plans
    // no receipts. Quants and moves are gathered once for all the ids, as a read of thousands of products is common.
    private JsonArray ReadStockAt(IReadOnlyList<long> productIds, long locationId, IReadOnlyCollection<string>? fields)
    {
        var wanted = productIds.ToHashSet();
        var stock = new Dictionary<long, (decimal OnHand, decimal Reserved, decimal Outgoing)>();
        foreach (var quantId in db.Ids("stock.quant"))
        {
            var quant = db.Raw("stock.quant", quantId);
            if (Id(quant["product_id"]) is { } product && wanted.Contains(product) && Id(quant["location_id"]) == locationId)
            {
                var (onHand, reserved, outgoing) = stock.GetValueOrDefault(product);
                stock[product] = (onHand + Amount(quant["quantity"]), reserved + Amount(quant["reserved_quantity"]), outgoing);
            }
        }

        foreach (var moveId in db.Ids("stock.move"))
        {
            var move = db.Raw("stock.move", moveId);
            if (Id(move["product_id"]) is { } product && wanted.Contains(product) && State("stock.move", moveId) is not ("done" or "cancel") && IsOutgoing(moveId))
            {
                var (onHand, reserved, outgoing) = stock.GetValueOrDefault(product);
                stock[product] = (onHand, reserved, outgoing + Amount(move["product_uom_qty"]));
            }
        }

        return new JsonArray(productIds.Select(productId =>
        {
            var record = db.Read("product.product", productId, fields);
            var (onHand, reserved, outgoing) = stock.GetValueOrDefault(productId);
            foreach (var (field, value) in new[] { ("qty_available", onHand), ("free_qty", onHand - reserved), ("virtual_available", onHand - outgoing) })
            {
                if (record.ContainsKey(field))
                {
                    record[field] = value;
                }
            }

            return (JsonNode)record;
        }).ToArray());
    }

    private void ComputeStock(long productId)
    {
        decimal onHand = 0, reserved = 0;
        foreach (var quantId in db.Where("stock.quant", "product_id", productId))
        {
            var quant = db.Raw("stock.quant", quantId);
            if (db.Raw("stock.location", quant["location_id"]!.GetValue<long>())["usage"]?.GetValue<string>() == "internal")
            {
                onHand += Amount(quant["quantity"]);
                reserved += Amount(quant["reserved_quantity"]);
            }
        }

        var product = db.Raw("product.product", productId);
        product["qty_available"] = onHand;
        product["free_qty"] = onHand - reserved;
        product["virtual_available"] = onHand;
    }

    // stock.return.picking reads its picking from the context (active_id, active_model); lines not given are
    // proposed from the picking's moves, with what is left to return of each.
    private JsonNode CreateReturnWizard(JsonNode? values, JsonObject context)
    {
        var list = values as JsonArray ?? [values?.DeepClone()];
        var ids = list.Select(v =>
        {
            var wizard = (JsonObject)v!.DeepClone();
            if (context["active_model"]?.GetValue<string>() == "stock.picking" && Id(context["active_id"]) is { } active)
            {
                if (context["active_ids"] is JsonArray { Count: > 1 })
                {
                    throw FakeOdooException.User("You may only return one picking at a time.");
                }

                wizard["picking_id"] ??= db.Exists("stock.picking", active) ? active : null;
            }

            if (Id(wizard["picking_id"]) is { } picking)
            {
                if (State("stock.picking", picking) != "done")
                {
                    throw FakeOdooException.User("You may only return Done pickings.");
                }

                wizard["product_return_moves"] ??= new JsonArray(db.Where("stock.move", "picking_id", picking)
                    .Where(m => State("stock.move", m) != "cancel")
                    .Select(m => (JsonNode)new JsonArray(0, 0, new JsonObject
                    {
                        ["product_id"] = db.Raw("stock.move", m)["product_id"]!.DeepClone(),
                        ["quantity"] = Amount(db.Raw("stock.move", m)["quantity"]) - Returned(m),
                        ["move_id"] = m,
                    }))
                    .ToArray());
                wizard["location_id"] ??= db.Ids("stock.location").Cast<long?>().FirstOrDefault(l => db.Raw("stock.location", l!.Value)["usage"]?.GetValue<string>() == "internal");
            }

            return JsonValue.Create(db.Create("stock.return.picking", wizard));
        }).ToArray<JsonNode?>();
        return values is JsonArray ? new JsonArray(ids) : ids[0]!;
    }

    private decimal Returned(long moveId) =>
        db.Where("stock.move", "origin_returned_move_id", moveId).Where(m => State("stock.move", m) != "cancel").Sum(m => Amount(db.Raw("stock.move", m)["product_uom_qty"]));

    private JsonObject CreateReturns(IReadOnlyList<long> wizards, JsonObject context)
    {
        long created = 0;
        foreach (var wizardId in wizards)
        {
            var wizard = db.Raw("stock.return.picking", wizardId);
            var original = Id(wizard["picking_id"]) ?? throw FakeOdooException.User("You may only return Done pickings.");
            var lines = db.Where("stock.return.picking.line", "wizard_id", wizardId).Select(l => db.Raw("stock.return.picking.line", l)).ToList();
            if (lines.Any(l => Id(l["move_id"]) is null))
            {
                throw FakeOdooException.User("You have manually created product lines, please delete them to proceed.");
            }

            var returned = lines.Where(l => Amount(l["quantity"]) != 0).ToList();
            if (returned.Count == 0)
            {
                throw FakeOdooException.User("Please specify at least one non-zero quantity.");
            }

            var picking = db.Raw("stock.picking", original);
            created = db.Create("stock.picking", new JsonObject
            {
                ["name"] = db.NextName("WH/IN/", 5),
                ["origin"] = $"Return of {picking["name"]}",
                ["sale_id"] = picking["sale_id"]?.DeepClone(),
                ["partner_id"] = picking["partner_id"]?.DeepClone(),
                ["state"] = "assigned",
                ["picking_type_code"] = "incoming",
                ["return_id"] = original,
            });
            foreach (var line in returned)
            {
                var move = db.Raw("stock.move", line["move_id"]!.GetValue<long>());
                db.Create("stock.move", new JsonObject
                {
                    ["name"] = move["name"]?.DeepClone(),
                    ["picking_id"] = created,
                    ["product_id"] = line["product_id"]!.DeepClone(),
                    ["product_uom_qty"] = line["quantity"]!.DeepClone(),
                    ["quantity"] = line["quantity"]!.DeepClone(),
                    ["state"] = "assigned",
                    ["sale_line_id"] = move["sale_line_id"]?.DeepClone(),
                    ["origin_returned_move_id"] = line["move_id"]!.DeepClone(),
                });
            }
        }

        return new JsonObject
        {
            ["name"] = "Returned Picking",
            ["view_mode"] = db.Major >= 18 ? "form,list,calendar" : "form,tree,calendar",
            ["res_model"] = "stock.picking",
            ["res_id"] = created,
            ["type"] = "ir.actions.act_window",
            ["context"] = context.DeepClone(),
        };
    }
}
