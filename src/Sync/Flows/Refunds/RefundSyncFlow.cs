using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Refunds;

/// <summary>
/// A store refund becomes a posted Odoo credit note for the refunded lines (at the prices, discounts and
/// taxes of their sale order lines) and refunded shipping, reversing the order's invoice when there is one;
/// without one, the store's setting decides. The credit note must come to what the store gave back, or it
/// stays a draft for a person. The money given back is registered against it in the gateway's journal, and
/// restocked goods can come back through a return of the delivery.
/// </summary>
public sealed class RefundSyncFlow(StoreOrderSetups setups, StoreClients stores, TenantOdoo tenants, RecordLinks recordLinks) : IJobHandler
{
    public string Flow => StoreChangeJobs.RefundsFlow;

    public static string ReturnKey(string refundId) => $"{refundId}/return";

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        if (job.StoreId is not { } storeId || await setups.LoadAsync(job.TenantId, storeId, cancellationToken) is not { } setup
            || !setup.Store.Features.HasFlag(StoreFeatures.Refunds))
        {
            return;
        }

        var refundId = StoreJobPayload.ResourceId(job.Payload);
        var orderId = StoreJobPayload.OrderId(job.Payload) ?? throw new InvalidOperationException($"The job of refund {refundId} does not name its order.");
        var order = await stores.For(setup.Store).OrderAsync(orderId, cancellationToken)
                    ?? throw new JobNeedsPersonException($"The store no longer has order {orderId} of refund {refundId}.");
        var refund = order.Refunds.FirstOrDefault(r => r.Id == refundId)
                     ?? throw new JobNotReadyException($"Order {order.Name} does not show refund {refundId} yet.");
        var transactions = refund.Transactions
            .Select((transaction, index) => (Transaction: transaction, Key: transaction.Id ?? $"{refundId}/payment/{index}"))
            .Where(t => t.Transaction.Status.Meaning == CommercePaymentStatus.Success && t.Transaction.Kind.Meaning == CommercePaymentKind.Refund)
            .ToList();
        var links = await recordLinks.FindAsync(job.TenantId, storeId,
            [orderId, refundId, ReturnKey(refundId), .. order.Lines.Select(l => $"{orderId}/{l.Id}"), .. transactions.Select(t => t.Key)], cancellationToken);
        var saleOrderId = links.OdooId(RecordLinkKind.Order, orderId)
                          ?? throw new JobNotReadyException($"Order {order.Name} is not in Odoo yet; its refund waits for it.");
        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var profile = await odoo.GetProfileAsync(cancellationToken);
        var saleOrder = (await odoo.ReadAsync("sale.order", [saleOrderId], ["name", "partner_invoice_id"], cancellationToken))[0]!;
        var partner = saleOrder.ManyToOneId("partner_invoice_id")!.Value;

        var creditNote = links.OdooId(RecordLinkKind.Refund, refundId)
                         ?? await new CreditNotes(setup, odoo, profile, links, job.Effects).CreateAsync(order, refund, saleOrderId, saleOrder.Text("name")!, partner, cancellationToken);
        job.Effects.Link(RecordLinkKind.Refund, refundId, "account.move", creditNote);

        if (setup.Store.Features.HasFlag(StoreFeatures.Payments))
        {
            var register = new PaymentRegister(setup, odoo);

            // Posting a credit note settles it against its invoice while the invoice is open; what is left open is what the store paid back.
            var open = (await odoo.ReadAsync("account.move", [creditNote], ["amount_residual"], cancellationToken))[0]!.Number("amount_residual") > 0m;
            foreach (var (transaction, key) in transactions.Where(t => links.Find(RecordLinkKind.RefundPayment, t.Key) is null))
            {
                var payment = await register.RegisterAsync(PaymentRegister.Reference(setup, orderId, key), register.JournalFor(transaction), transaction.Amount,
                    transaction.ProcessedAt ?? refund.CreatedAt, open ? creditNote : null, partner, inbound: false, cancellationToken);
                job.Effects.Link(RecordLinkKind.RefundPayment, key, "account.payment", payment);
            }
        }

        if (setup.Settings.ReturnPickingOnRestock && Restocks(refund) && links.Find(RecordLinkKind.ReturnPicking, ReturnKey(refundId)) is null)
        {
            var quantities = await RestockedQuantitiesAsync(odoo, order, refund, links, cancellationToken);
            if (await new ReturnPickings(odoo, profile).CreateAsync(saleOrderId, quantities, cancellationToken) is { } picking)
            {
                job.Effects.Link(RecordLinkKind.ReturnPicking, ReturnKey(refundId), "stock.picking", picking);
            }
        }
    }

    private static bool Restocks(CommerceRefund refund) =>
        refund.Restock == true || refund.Lines.Any(l => l.Restock?.Meaning is CommerceRestockType.Return or CommerceRestockType.LegacyRestock);

    private static async Task<IReadOnlyDictionary<long, decimal>> RestockedQuantitiesAsync(OdooClient odoo, CommerceOrder order, CommerceRefund refund, LinkSet links, CancellationToken cancellationToken)
    {
        var restocked = refund.Lines.Where(l => refund.Restock == true || l.Restock?.Meaning is CommerceRestockType.Return or CommerceRestockType.LegacyRestock)
            .Select(l => (Line: links.OdooId(RecordLinkKind.OrderLine, $"{order.Id}/{l.LineId}"), l.Quantity))
            .Where(l => l.Line is not null)
            .ToList();
        if (restocked.Count == 0)
        {
            return new Dictionary<long, decimal>();
        }

        var saleLines = await odoo.ReadAsync("sale.order.line", restocked.Select(l => l.Line!.Value).ToList(), ["product_id"], cancellationToken);
        var productOf = saleLines.OfType<JsonNode>().ToDictionary(l => l.Id(), l => l.ManyToOneId("product_id") ?? 0);
        return restocked.GroupBy(l => productOf.GetValueOrDefault(l.Line!.Value)).ToDictionary(g => g.Key, g => (decimal)g.Sum(l => l.Quantity));
    }

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
