using Portal.Data.Entities;

namespace Portal.Sync.Settings.Features;

/// <summary>Which flows a store takes part in, which way its products go, and whether the store tells customers about shipments.</summary>
public sealed class StoreFeaturesForm
{
    public bool Orders { get; set; }
    public bool Refunds { get; set; }
    public bool Payments { get; set; }
    public bool Customers { get; set; }
    public bool Stock { get; set; }
    public bool Fulfilment { get; set; }
    public ProductDirection Products { get; set; } = ProductDirection.OdooToStore;
    public bool NotifyCustomerOnFulfilment { get; set; } = true;

    public StoreFeatures Features =>
        (Orders ? StoreFeatures.Orders : StoreFeatures.None)
        | (Refunds ? StoreFeatures.Refunds : StoreFeatures.None)
        | (Payments ? StoreFeatures.Payments : StoreFeatures.None)
        | (Customers ? StoreFeatures.Customers : StoreFeatures.None)
        | (Stock ? StoreFeatures.Stock : StoreFeatures.None)
        | (Fulfilment ? StoreFeatures.Fulfilment : StoreFeatures.None);

    public static StoreFeaturesForm From(Store store, StoreOutboundSettings settings) => new()
    {
        Orders = store.Features.HasFlag(StoreFeatures.Orders),
        Refunds = store.Features.HasFlag(StoreFeatures.Refunds),
        Payments = store.Features.HasFlag(StoreFeatures.Payments),
        Customers = store.Features.HasFlag(StoreFeatures.Customers),
        Stock = store.Features.HasFlag(StoreFeatures.Stock),
        Fulfilment = store.Features.HasFlag(StoreFeatures.Fulfilment),
        Products = store.ProductDirection,
        NotifyCustomerOnFulfilment = settings.NotifyCustomerOnFulfilment,
    };

    public void ApplyTo(Store store, StoreOutboundSettings settings)
    {
        store.Features = Features;
        store.ProductDirection = Products;
        settings.NotifyCustomerOnFulfilment = NotifyCustomerOnFulfilment;
    }
}
