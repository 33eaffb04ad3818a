using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Flows.Orders;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Payments;

/// <summary>
/// Once a store order is paid: invoices its sale order as the store's invoice policy says (on import, once
/// Odoo delivered everything, or never) and registers each successful sale or capture in the journal of its
/// gateway — against the invoice when there is one. Each transaction is linked to its payment, so a repeat
/// registers nothing twice.
/// </summary>
public sealed class PaymentSyncFlow(StoreOrderSetups setups, StoreClients stores, TenantOdoo tenants, RecordLinks recordLinks) : IJobHandler
{
    public const string Name = "payments.sync";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, CommerceOrder order) =>
        new(Name, $"Payments of order {(order.Name.StartsWith('#') ? order.Name : $"#{order.Name}")}", StoreChangeJobs.OrderSubjectKey(storeId, order.Id),
            $"{{store:{storeId}}}:payments:{order.Id}@{order.UpdatedAt.ToUnixTimeSeconds()}",
            new JsonObject { ["resourceId"] = order.Id }.ToJsonString(), storeId);

    public static string TransactionKey(CommerceOrder order, CommercePayment transaction, int index) => transaction.Id ?? $"{order.Id}/payment/{index}";

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        if (job.StoreId is not { } storeId || await setups.LoadAsync(job.TenantId, storeId, cancellationToken) is not { } setup
            || !setup.Store.Features.HasFlag(StoreFeatures.Payments))
        {
            return;
        }

        var orderId = StoreJobPayload.ResourceId(job.Payload);
        if (await stores.For(setup.Store).OrderAsync(orderId, cancellationToken) is not { } order || !OrderPayment.IsPaid(order))
        {
            return;
        }

        var received = order.Payments
            .Select((transaction, index) => (Transaction: transaction, Key: TransactionKey(order, transaction, index)))
            .Where(p => p.Transaction.Status.Meaning == CommercePaymentStatus.Success && p.Transaction.Kind.Meaning is CommercePaymentKind.Sale or CommercePaymentKind.Capture)
            .ToList();
        var links = await recordLinks.FindAsync(job.TenantId, storeId, [orderId, .. received.Select(p => p.Key)], cancellationToken);
        var saleOrderId = links.OdooId(RecordLinkKind.Order, orderId)
                          ?? throw new JobNotReadyException($"Order {order.Name} is not in Odoo yet; its payments wait for it.");
        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var profile = await odoo.GetProfileAsync(cancellationToken);
        var invoiceId = await InvoiceAsync(setup, odoo, new OrderInvoices(odoo, profile, links, job.Effects), orderId, saleOrderId, cancellationToken);
        if (setup.Settings.InvoicePolicy == InvoicePolicy.OnFulfilment && invoiceId is null)
        {
            // Paid before Odoo delivered: the fulfilment flow runs this again once it has.
            return;
        }

        var partner = (await odoo.ReadAsync("sale.order", [saleOrderId], ["partner_invoice_id"], cancellationToken))[0]!.ManyToOneId("partner_invoice_id")!.Value;
        var register = new PaymentRegister(setup, odoo);
        foreach (var (transaction, key) in received.Where(p => links.Find(RecordLinkKind.Payment, p.Key) is null))
        {
            var payment = await register.RegisterAsync(PaymentRegister.Reference(setup, orderId, key), register.JournalFor(transaction), transaction.Amount,
                transaction.ProcessedAt, invoiceId, partner, inbound: true, cancellationToken);
            job.Effects.Link(RecordLinkKind.Payment, key, "account.payment", payment);
        }
    }

    private static async Task<long?> InvoiceAsync(StoreOrderSetup setup, OdooClient odoo, OrderInvoices invoices, string orderId, long saleOrderId, CancellationToken cancellationToken)
    {
        switch (setup.Settings.InvoicePolicy)
        {
            case InvoicePolicy.OnImport:
                return await invoices.EnsureAsync(orderId, saleOrderId, cancellationToken);
            case InvoicePolicy.OnFulfilment:
                var pickings = await odoo.SearchReadAsync("stock.picking",
                    OdooDomain.Where("sale_id", "=", saleOrderId).And(OdooDomain.Where("picking_type_code", "=", "outgoing")), ["state"], cancellationToken: cancellationToken);
                var delivered = pickings.Count > 0 && pickings.All(p => p!.Text("state") is "done" or "cancel") && pickings.Any(p => p!.Text("state") == "done");
                return delivered ? await invoices.EnsureAsync(orderId, saleOrderId, cancellationToken) : null;
            default:
                return null;
        }
    }
}
