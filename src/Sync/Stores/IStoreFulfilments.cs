namespace Portal.Sync.Stores;

/// <summary>A store's record of what was shipped for an order, as Odoo's deliveries become it.</summary>
public interface IStoreFulfilments
{
}
