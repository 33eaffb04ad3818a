using System.Globalization;

namespace Portal.Sync.Stores;

/// <summary>
/// Job identity keys for store changes, shared by webhooks and polling: the same change of an order, seen
/// through several topics, retried deliveries or an overlapping poll, names one job, which runs once.
/// </summary>
public static class StoreEventKeys
{
    public static string OrderChange(Guid storeId, string orderId, DateTimeOffset updatedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{storeId:N}:order:{orderId}@{updatedAt.ToUnixTimeSeconds()}");

    /// <summary>A refund never changes once made, so its id alone names it.</summary>
    public static string Refund(Guid storeId, string refundId) => $"{storeId:N}:refund:{refundId}";
}
