using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;

namespace Portal.Sync.Stores;

/// <summary>
/// The jobs a polled store change becomes: the same flows, subjects and identity keys as its webhooks give,
/// so a change seen by both runs once.
/// </summary>
public static class StoreChangeJobs
{
    public const string OrdersFlow = "orders.sync";
    public const string RefundsFlow = "refunds.sync";

    public static JobRequest OrderChanged(Guid storeId, CommerceOrder order) =>
        new(OrdersFlow, $"Order {order.Name}", $"order:{storeId}:{order.Id}", StoreEventKeys.OrderChange(storeId, order.Id, order.UpdatedAt),
            new JsonObject { ["resourceId"] = order.Id, ["source"] = "poll" }.ToJsonString(), storeId);

    public static JobRequest RefundCreated(Guid storeId, CommerceOrder order, CommerceRefund refund) =>
        new(RefundsFlow, $"Refund {refund.Id} of order {order.Name}", $"order:{storeId}:{order.Id}", StoreEventKeys.Refund(storeId, refund.Id),
            new JsonObject { ["resourceId"] = refund.Id, ["orderId"] = order.Id, ["source"] = "poll" }.ToJsonString(), storeId);
}
