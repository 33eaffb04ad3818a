using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;

namespace Portal.Sync.Stores;

/// <summary>
/// The jobs a store change becomes, polled or delivered by webhook: one set of flows, subject keys and identity
/// keys, so a change seen by both runs once and work on one order never runs twice at once.
/// </summary>
public static class StoreChangeJobs
{
    public const string OrdersFlow = "orders.sync";
    public const string RefundsFlow = "refunds.sync";

    public static string OrderSubjectKey(Guid storeId, string? orderId) => $"order:{storeId}:{orderId}";

    public static JobRequest OrderChanged(Guid storeId, CommerceOrder order) =>
        new(OrdersFlow, $"Order {Label(order)}", OrderSubjectKey(storeId, order.Id), StoreEventKeys.OrderChange(storeId, order.Id, order.UpdatedAt),
            new JsonObject { ["resourceId"] = order.Id, ["source"] = "poll" }.ToJsonString(), storeId);

    public static JobRequest RefundCreated(Guid storeId, CommerceOrder order, CommerceRefund refund) =>
        new(RefundsFlow, $"Refund {refund.Id} of order {Label(order)}", OrderSubjectKey(storeId, order.Id), StoreEventKeys.Refund(storeId, refund.Id),
            new JsonObject { ["resourceId"] = refund.Id, ["orderId"] = order.Id, ["source"] = "poll" }.ToJsonString(), storeId);

    /// <summary>Enqueues the order's change and each of its refunds, as a poll or an import of recent orders finds them.</summary>
    public static async Task EnqueueAsync(JobStore jobs, Store store, CommerceOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(order);
        await jobs.EnqueueAsync(store.TenantId, OrderChanged(store.Id, order), cancellationToken);
        foreach (var refund in order.Refunds)
        {
            await jobs.EnqueueAsync(store.TenantId, RefundCreated(store.Id, order, refund), cancellationToken);
        }
    }

    /// <summary>"#1001" as both platforms' admins show it (Shopify's names carry the "#", WooCommerce's numbers do not), as the webhooks' jobs are named.</summary>
    private static string Label(CommerceOrder order) => order.Name.StartsWith('#') ? order.Name : $"#{order.Name}";
}
