using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Flows.Customers;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Orders;

/// <summary>
/// Brings a store order's sale order in Odoo to the order as the store has it now — whichever webhook or poll
/// asked, so a late or repeated event does no harm. A new order is created (confirmed once paid, when the
/// store says so); a changed one is changed where Odoo still allows it; a cancelled one is cancelled unless
/// Odoo delivered or invoiced it, which waits for a person. Before creating, the sale order is looked for by
/// its origin, so an answer lost after Odoo created it never makes a second one. Odoo's totals must match the
/// store's. Payments and refunds follow as jobs of their own.
/// </summary>
public sealed class OrderSyncFlow(StoreOrderSetups setups, StoreClients stores, TenantOdoo tenants, RecordLinks recordLinks, OdooReferences references) : IJobHandler
{
    public string Flow => StoreChangeJobs.OrdersFlow;

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        if (job.StoreId is not { } storeId || await setups.LoadAsync(job.TenantId, storeId, cancellationToken) is not { } setup
            || !setup.Store.Features.HasFlag(StoreFeatures.Orders))
        {
            return;
        }

        var orderId = StoreJobPayload.ResourceId(job.Payload);
        var order = await stores.For(setup.Store).OrderAsync(orderId, cancellationToken);
        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var profile = await odoo.GetProfileAsync(cancellationToken);
        var links = await recordLinks.FindAsync(job.TenantId, storeId, LinkKeys(orderId, order), cancellationToken);
        var existing = await FindSaleOrderAsync(odoo, setup, orderId, links, cancellationToken);
        if (order is null || order.Cancellation is not null)
        {
            if (existing is not null)
            {
                job.Effects.Link(RecordLinkKind.Order, orderId, "sale.order", existing.Id());
                await CancelAsync(odoo, existing, order?.Name ?? orderId, cancellationToken);
            }

            return;
        }

        var paid = OrderPayment.IsPaid(order);
        if (WaitsForPayment(setup, order, existing))
        {
            return;
        }

        var customers = new CustomerSync(setup, odoo, references, links, job.Effects);
        var parties = await customers.ResolveAsync(order, more => recordLinks.FindAsync(job.TenantId, storeId, more, cancellationToken), cancellationToken);
        var products = await new ProductResolver(setup, odoo, links, job.Effects).ResolveAsync(order.Lines, cancellationToken);
        var draft = await new SaleOrderBuilder(setup, odoo, references, profile).BuildAsync(order, parties, products, cancellationToken);

        long saleOrderId;
        IReadOnlyList<(SaleLineDraft Draft, long LineId)> lineLinks;
        if (existing is null)
        {
            var values = (JsonObject)draft.Header.DeepClone();
            values["order_line"] = new JsonArray(draft.Lines.Select(l => (JsonNode)new JsonArray(0, 0, l.Values.DeepClone())).ToArray());
            saleOrderId = (await odoo.CreateAsync("sale.order", [values], cancellationToken: cancellationToken))[0];
            job.Effects.Link(RecordLinkKind.Order, orderId, "sale.order", saleOrderId);
            lineLinks = [];
        }
        else
        {
            saleOrderId = existing.Id();
            job.Effects.Link(RecordLinkKind.Order, orderId, "sale.order", saleOrderId, links.Find(RecordLinkKind.Order, orderId)?.Fingerprint);
            lineLinks = links.Find(RecordLinkKind.Order, orderId)?.Fingerprint == draft.Fingerprint
                ? []
                : await new SaleOrderUpdate(odoo, profile, order).ApplyAsync(existing, draft, links, cancellationToken);
        }

        // Unchanged since the last sync (only its payment or fulfilment moved on): what was read is still true.
        var saleOrder = existing is not null && lineLinks.Count == 0
            ? existing
            : (await odoo.ReadAsync("sale.order", [saleOrderId], SaleOrderFields.Summary, cancellationToken))[0]!;
        if (existing is null)
        {
            lineLinks = draft.Lines.Zip(saleOrder.Ids("order_line")).ToList();
        }

        foreach (var (line, lineId) in lineLinks)
        {
            job.Effects.Link(RecordLinkKind.OrderLine, line.StoreKey, "sale.order.line", lineId);
        }

        job.Effects.Link(RecordLinkKind.Order, orderId, "sale.order", saleOrderId, draft.Fingerprint);

        // Checked before confirming, so an order whose money does not add up stays a quotation.
        VerifyCurrency(setup, order, saleOrder);
        await VerifyTotalsAsync(odoo, setup, order, saleOrder, cancellationToken);
        if (paid && setup.Settings.ImportMode == OrderImportMode.ConfirmedOrder && saleOrder.Text("state") is "draft" or "sent")
        {
            await odoo.CallAsync("sale.order", "action_confirm", [saleOrderId], cancellationToken: cancellationToken);
        }

        FollowUps(job, setup, order, paid, links);
    }

    /// <summary>The store keys of the links the flow reads for an order; <paramref name="order"/> is null when the store no longer has it.</summary>
    public static IReadOnlyList<string> LinkKeys(string orderId, CommerceOrder? order)
    {
        var keys = new List<string> { orderId };
        if (order is not null)
        {
            keys.AddRange(order.Lines.Select(l => $"{order.Id}/{l.Id}"));
            keys.AddRange(ProductResolver.LinkKeys(order.Lines));
            keys.AddRange(CustomerSync.LinkKeys(order));
            keys.AddRange(order.Refunds.Select(r => r.Id));
        }

        return keys;
    }

    /// <summary>An unpaid order not yet in Odoo waits for its payment, unless the store imports unpaid orders.</summary>
    public static bool WaitsForPayment(StoreOrderSetup setup, CommerceOrder order, JsonNode? existing) =>
        existing is null && !OrderPayment.IsPaid(order) && !setup.Settings.ImportUnpaidOrders;

    /// <summary>The order's sale order: by its link, else by its origin (a create whose answer was lost). Only reads.</summary>
    public static async Task<JsonNode?> FindSaleOrderAsync(OdooClient odoo, StoreOrderSetup setup, string orderId, LinkSet links, CancellationToken cancellationToken)
    {
        if (links.OdooId(RecordLinkKind.Order, orderId) is { } linked
            && (await odoo.ReadAsync("sale.order", [linked], SaleOrderFields.Summary, cancellationToken)).FirstOrDefault() is { } found)
        {
            return found;
        }

        return (await odoo.SearchReadAsync("sale.order", OdooDomain.Where("origin", "=", setup.Origin(orderId)), SaleOrderFields.Summary, 1, cancellationToken: cancellationToken))
            .FirstOrDefault();
    }

    private static async Task CancelAsync(OdooClient odoo, JsonNode saleOrder, string orderName, CancellationToken cancellationToken)
    {
        var name = saleOrder.Text("name");
        if (saleOrder.Text("state") == "cancel")
        {
            return;
        }

        var delivered = await odoo.SearchReadAsync("stock.picking",
            OdooDomain.Where("sale_id", "=", saleOrder.Id()).And(OdooDomain.Where("state", "=", "done")).And(OdooDomain.Where("picking_type_code", "=", "outgoing")),
            ["name"], 1, cancellationToken: cancellationToken);
        if (delivered.FirstOrDefault() is { } picking)
        {
            throw new JobNeedsPersonException($"Order {orderName} was cancelled in the store, but Odoo already delivered it ({picking.Text("name")} of {name}); return the goods and cancel it in Odoo.");
        }

        var invoiced = await odoo.SearchReadAsync("account.move",
            OdooDomain.Where("invoice_origin", "=", name).And(OdooDomain.Where("state", "=", "posted")).And(OdooDomain.Where("move_type", "=", "out_invoice")),
            ["name"], 1, cancellationToken: cancellationToken);
        if (invoiced.FirstOrDefault() is { } invoice)
        {
            throw new JobNeedsPersonException($"Order {orderName} was cancelled in the store, but Odoo already posted invoice {invoice.Text("name")} for {name}; credit it and cancel the order in Odoo.");
        }

        await odoo.CallAsync("sale.order", "action_cancel", [saleOrder.Id()], context: new JsonObject { ["disable_cancel_warning"] = true }, cancellationToken: cancellationToken);
    }

    private static void VerifyCurrency(StoreOrderSetup setup, CommerceOrder order, JsonNode saleOrder)
    {
        if (saleOrder.ManyToOneName("currency_id") is { } currency && !string.Equals(currency, order.Currency, StringComparison.OrdinalIgnoreCase))
        {
            throw new JobConfigurationException(
                $"Order {order.Name} is in {order.Currency}, but its Odoo sale order is in {currency}; choose a pricelist in {order.Currency}.", setup.SettingsPath);
        }
    }

    private async Task VerifyTotalsAsync(OdooClient odoo, StoreOrderSetup setup, CommerceOrder order, JsonNode saleOrder, CancellationToken cancellationToken)
    {
        try
        {
            OrderTotalsCheck.Verify(order, saleOrder, setup.Settings.TotalTolerance, null);
        }
        catch (OrderTotalsMismatchException)
        {
            var perLine = await references.RoundsPerLineAsync(odoo, setup.Settings.CompanyId, cancellationToken);
            OrderTotalsCheck.Verify(order, saleOrder, setup.Settings.TotalTolerance, perLine switch { 1 => true, 0 => false, _ => null });
            throw;
        }
    }

    private static void FollowUps(ClaimedJob job, StoreOrderSetup setup, CommerceOrder order, bool paid, LinkSet links)
    {
        if (paid && setup.Store.Features.HasFlag(StoreFeatures.Payments))
        {
            job.Effects.Enqueue(PaymentSyncFlow.Request(setup.Store.Id, order));
        }

        // WooCommerce announces refunds only as an order change; polling would find them too, under the same key.
        if (setup.Store.Features.HasFlag(StoreFeatures.Refunds))
        {
            foreach (var refund in order.Refunds.Where(r => links.Find(RecordLinkKind.Refund, r.Id) is null))
            {
                job.Effects.Enqueue(StoreChangeJobs.RefundCreated(setup.Store.Id, order, refund));
            }
        }
    }
}
