using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Flows.Fulfilment;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Tests.Flows;
using static Portal.Sync.Tests.Flows.FlowAssert;

namespace Portal.Sync.Tests.Fulfilment;

/// <summary>
/// The delivery poll and the fulfilments it queues, against the fake Odoo or, with ODOO_* set, a real one (see
/// <see cref="FlowOdoo"/>): the deliveries are validated through the API as a warehouse would, a partial one with
/// Odoo's backorder.
/// </summary>
[Trait("Category", "OdooFlow")]
public class FulfilmentFlowTests
{
    private int polls;

    [Fact]
    public async Task A_partial_delivery_and_its_backorder_become_two_fulfilments_of_exactly_what_each_shipped()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var orderId = await bed.PlaceAsync(bed.Spec((0, 3, 20.00m), (1, 1, 120.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        var saleOrder = (await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).Id();

        var backorder = await ShipAsync(bed, saleOrder, "FLOW-TRACK-1", new() { [bed.ProductId(bed.Skus[0])] = 2m });
        bed.Traffic.Clear();
        await PollAsync(bed);

        Assert.Equal(1, bed.Traffic.CountOf("stock.picking", "search_read"));
        Assert.Equal(1, bed.Traffic.CountOf("stock.move", "search_read"));
        Assert.Equal(1, bed.Traffic.CountOf("sale.order.line", "search_read"));
        var order = bed.Shopify.PlacedOrder(long.Parse(orderId, CultureInfo.InvariantCulture));
        var first = Assert.Single(order.Fulfilments);
        Assert.Equal("FLOW-TRACK-1", first.TrackingNumber);
        Assert.Equal([(0, 2)], first.Lines);
        Assert.Equal("PARTIALLY_FULFILLED", order.DisplayFulfillmentStatus);

        Assert.NotNull(backorder);
        Assert.Null(await ShipAsync(bed, saleOrder, "FLOW-TRACK-2"));
        await PollAsync(bed);

        Assert.Equal(2, order.Fulfilments.Count);
        Assert.Equal("FLOW-TRACK-2", order.Fulfilments[1].TrackingNumber);
        Assert.Equal([(0, 1), (1, 1)], order.Fulfilments[1].Lines.Order());
        Assert.Equal("FULFILLED", order.DisplayFulfillmentStatus);
        Assert.All(await bed.JobsAsync(FulfilmentCreateFlow.Name), AssertSucceeded);
        Assert.Equal(2, (await bed.LinksAsync(RecordLinkKind.Fulfilment)).Count);
    }

    [Fact]
    public async Task A_delivery_already_fulfilled_is_not_queued_again_by_the_next_poll()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        var orderId = await bed.PlaceAsync(bed.Spec((2, 1, 20.00m)));
        AssertSucceeded(await bed.SyncOrderAsync(orderId));
        await ShipAsync(bed, (await bed.Odoo.SaleOrderAsync(bed.Origin(orderId))).Id(), "FLOW-ONCE");
        await PollAsync(bed);

        await PollAsync(bed);

        AssertSucceeded(Assert.Single(await bed.JobsAsync(FulfilmentCreateFlow.Name)));
        var note = Assert.Single(bed.WooCommerce.Shop.OrderNotes(long.Parse(orderId, CultureInfo.InvariantCulture)));
        Assert.Contains("Tracking number: FLOW-ONCE.", note["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("completed", bed.WooCommerce.Shop.Order(long.Parse(orderId, CultureInfo.InvariantCulture))!["status"]!.GetValue<string>());
    }

    /// <summary>Queues a delivery poll of its own occasion and runs it with the fulfilments it queues.</summary>
    private async Task PollAsync(FlowTestBed bed)
    {
        var occasion = $"flow-test-{Interlocked.Increment(ref polls)}";
        await bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(bed.TenantId, FulfilmentSyncFlow.Request(bed.StoreId, "Flow store", occasion));
        await bed.RunJobsAsync();
        Assert.All(await bed.JobsAsync(FulfilmentSyncFlow.Name), AssertSucceeded);
    }

    /// <summary>
    /// Validates the order's open delivery with its tracking reference; <paramref name="picked"/> (product → quantity)
    /// defaults to all of the demand. Picked in part, Odoo answers with the backorder wizard, whose "Create Backorder"
    /// validates again with skip_backorder; returns the backorder's id then.
    /// </summary>
    private static async Task<long?> ShipAsync(FlowTestBed bed, long saleOrderId, string trackingReference, Dictionary<long, decimal>? picked = null)
    {
        var client = bed.Odoo.Client;
        var open = OdooDomain.Where("sale_id", "=", saleOrderId).And(OdooDomain.Where("picking_type_code", "=", "outgoing"))
            .And(OdooDomain.Where("state", "not in", new JsonArray("done", "cancel")));
        var picking = Assert.Single(await client.SearchAsync("stock.picking", open));
        await client.WriteAsync("stock.picking", [picking], new JsonObject { ["carrier_tracking_ref"] = trackingReference });
        foreach (var move in (await client.SearchReadAsync("stock.move", OdooDomain.Where("picking_id", "=", picking), ["product_id", "product_uom_qty"])).OfType<JsonNode>())
        {
            var quantity = picked is null ? move.Number("product_uom_qty") : picked.GetValueOrDefault(move.ManyToOneId("product_id")!.Value);
            await client.WriteAsync("stock.move", [move.Id()], new JsonObject { ["quantity"] = quantity, ["picked"] = quantity > 0 });
        }

        // stock_sms asks whether to text the customer (confirm.stock.sms) when the contact has a phone, unless told to skip.
        var answer = await client.CallAsync("stock.picking", "button_validate", [picking], context: new JsonObject { ["skip_sms"] = true });
        if (answer is JsonObject { } wizard)
        {
            Assert.Equal("stock.backorder.confirmation", wizard["res_model"]?.GetValue<string>());
            await client.CallAsync("stock.picking", "button_validate", [picking], context: new JsonObject { ["skip_sms"] = true, ["skip_backorder"] = true });
        }

        Assert.Equal("done", (await client.ReadAsync("stock.picking", [picking], ["state"])).Single()!.Text("state"));
        return (await client.SearchAsync("stock.picking", open)).Cast<long?>().SingleOrDefault();
    }
}
