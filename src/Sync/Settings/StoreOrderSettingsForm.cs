using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>What a person edits on a store's settings page; its initial values are those of a store nobody has configured yet.</summary>
public sealed class StoreOrderSettingsForm
{
    public OrderImportMode ImportMode { get; set; }
    public bool ImportUnpaidOrders { get; set; }
    public long? CompanyId { get; set; }
    public long? PricelistId { get; set; }
    public long? SalesTeamId { get; set; }
    public long? FiscalPositionId { get; set; }
    public ProductMatching ProductMatching { get; set; }
    public CustomerStrategy CustomerStrategy { get; set; }
    public long? SingleCustomerId { get; set; }
    public DiscountMode DiscountMode { get; set; }
    public long? DiscountProductId { get; set; }
    public long? ShippingProductId { get; set; }
    public long? TipProductId { get; set; }
    public long? DutyProductId { get; set; }
    public long? FeeProductId { get; set; }
    public long? DefaultTaxId { get; set; }
    public InvoicePolicy InvoicePolicy { get; set; }
    public UninvoicedRefundPolicy UninvoicedRefunds { get; set; }
    public bool ReturnPickingOnRestock { get; set; }
    public decimal TotalTolerance { get; set; }

    /// <summary>The stored settings as a form, or the defaults when <paramref name="settings"/> is null.</summary>
    public static StoreOrderSettingsForm From(StoreOrderSettings? settings)
    {
        var source = settings ?? new StoreOrderSettings();
        return new StoreOrderSettingsForm
        {
            ImportMode = source.ImportMode,
            ImportUnpaidOrders = source.ImportUnpaidOrders,
            CompanyId = source.CompanyId,
            PricelistId = source.PricelistId,
            SalesTeamId = source.SalesTeamId,
            FiscalPositionId = source.FiscalPositionId,
            ProductMatching = source.ProductMatching,
            CustomerStrategy = source.CustomerStrategy,
            SingleCustomerId = source.SingleCustomerId,
            DiscountMode = source.DiscountMode,
            DiscountProductId = source.DiscountProductId,
            ShippingProductId = source.ShippingProductId,
            TipProductId = source.TipProductId,
            DutyProductId = source.DutyProductId,
            FeeProductId = source.FeeProductId,
            DefaultTaxId = source.DefaultTaxId,
            InvoicePolicy = source.InvoicePolicy,
            UninvoicedRefunds = source.UninvoicedRefunds,
            ReturnPickingOnRestock = source.ReturnPickingOnRestock,
            TotalTolerance = source.TotalTolerance,
        };
    }

    public void ApplyTo(StoreOrderSettings settings)
    {
        settings.ImportMode = ImportMode;
        settings.ImportUnpaidOrders = ImportUnpaidOrders;
        settings.CompanyId = CompanyId;
        settings.PricelistId = PricelistId;
        settings.SalesTeamId = SalesTeamId;
        settings.FiscalPositionId = FiscalPositionId;
        settings.ProductMatching = ProductMatching;
        settings.CustomerStrategy = CustomerStrategy;

        // A customer chosen for the other strategy would only be a surprise the day someone switches back.
        settings.SingleCustomerId = CustomerStrategy == CustomerStrategy.SingleCustomer ? SingleCustomerId : null;
        settings.DiscountMode = DiscountMode;
        settings.DiscountProductId = DiscountProductId;
        settings.ShippingProductId = ShippingProductId;
        settings.TipProductId = TipProductId;
        settings.DutyProductId = DutyProductId;
        settings.FeeProductId = FeeProductId;
        settings.DefaultTaxId = DefaultTaxId;
        settings.InvoicePolicy = InvoicePolicy;
        settings.UninvoicedRefunds = UninvoicedRefunds;
        settings.ReturnPickingOnRestock = ReturnPickingOnRestock;
        settings.TotalTolerance = TotalTolerance;
    }
}
