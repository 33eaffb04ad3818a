using System.Globalization;
using Portal.Sync.Commerce;
using Portal.Sync.Flows.Customers;
using Portal.Sync.Flows.Orders;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;
using Portal.Sync.Stores;

namespace Portal.Sync.Settings.SelfTest;

/// <summary>
/// Takes a store order through the order flow's own steps — its links, the sale order it may already have, its
/// customer, products and the sale order builder — and stops before the first write: nothing is sent to Odoo or
/// the store, and the links a real run would record are dropped. A configuration problem comes out as the
/// <see cref="JobConfigurationException"/> the flow would park the order's job with.
/// </summary>
public sealed class OrderDryRun(RecordLinks recordLinks, OdooReferences references)
{
    public async Task<DryRunOrder> RunAsync(StoreOrderSetup setup, OdooClient odoo, CommerceOrder order, CancellationToken cancellationToken)
    {
        try
        {
            var links = await recordLinks.FindAsync(setup.Store.TenantId, setup.Store.Id, OrderSyncFlow.LinkKeys(order.Id, order), cancellationToken);
            var existing = await OrderSyncFlow.FindSaleOrderAsync(odoo, setup, order.Id, links, cancellationToken);
            if (order.Cancellation is not null)
            {
                return Passed(order, existing is null ? "Cancelled in the store; would be skipped." : $"Cancelled in the store; would cancel {existing.Text("name")} in Odoo.");
            }

            if (OrderSyncFlow.WaitsForPayment(setup, order, existing))
            {
                return Passed(order, "Not paid yet; would wait for its payment, as unpaid orders are not imported.");
            }

            var discarded = new JobEffects();
            var customer = await new CustomerSync(setup, odoo, references, links, discarded).FindAsync(order, cancellationToken);
            var products = await new ProductResolver(setup, odoo, links, discarded).ResolveAsync(order.Lines, cancellationToken);

            // A customer the real run would create has no id yet; the draft is never sent, so 0 stands in for it.
            var parties = customer is { } id ? new OrderParties(id, id, id) : new OrderParties(0, 0, 0);
            var profile = await odoo.GetProfileAsync(cancellationToken);
            var draft = await new SaleOrderBuilder(setup, odoo, references, profile).BuildAsync(order, parties, products, cancellationToken);

            var action = existing is null ? "Would create a sale order" : $"Would bring {existing.Text("name")} up to date";
            var total = order.Totals.Total.ToString("0.00", CultureInfo.InvariantCulture);
            var whose = customer is { } known ? $"for Odoo contact #{known}" : $"and a customer for {order.Email ?? order.Customer?.Email}";
            return Passed(order, $"{action} of {draft.Lines.Count} lines, total {total} {order.Currency}, {whose}.");
        }
        catch (JobConfigurationException ex)
        {
            return new DryRunOrder(order.Id, order.Name, SelfTestOutcome.Failed, ex.Message, ex.FixPath);
        }
        catch (Exception ex) when (ex is OdooException or StoreApiException)
        {
            return new DryRunOrder(order.Id, order.Name, SelfTestOutcome.Failed, ex.Message);
        }
    }

    private static DryRunOrder Passed(CommerceOrder order, string message) => new(order.Id, order.Name, SelfTestOutcome.Passed, message);
}
