namespace Portal.Data.Entities;

/// <summary>The flows a store takes part in; each one decides which webhooks the store needs.</summary>
[Flags]
public enum StoreFeatures
{
    None = 0,
    Orders = 1,
    Refunds = 2,
    Payments = 4,
    Customers = 8,
    Stock = 16,
    Fulfilment = 32,
    Default = Orders | Refunds | Payments | Customers | Stock | Fulfilment,
}
