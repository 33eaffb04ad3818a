using Portal.Sync.Commerce;

namespace Portal.Sync.Stores;

/// <summary>A store's record of what was shipped for an order, as Odoo's deliveries become it.</summary>
public interface IStoreFulfilments
{
    /// <summary>
    /// Records one delivery of <paramref name="order"/> in the store: exactly its lines and quantities, with its
    /// carrier and tracking. Reads the store first and sends nothing when the delivery is recorded there already,
    /// so a repeat after a lost answer does not ship anything twice; returns whether it sent anything.
    /// </summary>
    Task<bool> FulfilAsync(CommerceOrder order, StoreDelivery delivery, CancellationToken cancellationToken);
}
