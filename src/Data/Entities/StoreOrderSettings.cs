namespace Portal.Data.Entities;

/// <summary>
/// How a store's orders, customers, refunds and payments become Odoo records. One row per store, created with
/// the defaults when the store is connected; Odoo ids are null until a person picks them (the company's
/// defaults apply where Odoo has them).
/// </summary>
public class StoreOrderSettings : ITenantOwned
{
    public Guid StoreId { get; set; }
    public Guid TenantId { get; set; }
    public OrderImportMode ImportMode { get; set; } = OrderImportMode.ConfirmedOrder;
    public bool ImportUnpaidOrders { get; set; } = true;
    public long? CompanyId { get; set; }
    public long? PricelistId { get; set; }
    public long? SalesTeamId { get; set; }
    public long? FiscalPositionId { get; set; }
    public ProductMatching ProductMatching { get; set; } = ProductMatching.SkuThenBarcode;
    public CustomerStrategy CustomerStrategy { get; set; } = CustomerStrategy.MatchByEmail;

    /// <summary>The Odoo customer every order goes to under <see cref="CustomerStrategy.SingleCustomer"/>.</summary>
    public long? SingleCustomerId { get; set; }

    public DiscountMode DiscountMode { get; set; } = DiscountMode.DiscountProductLine;
    public long? DiscountProductId { get; set; }

    /// <summary>Shipping lines whose method has no shipping mapping use this product.</summary>
    public long? ShippingProductId { get; set; }

    public long? TipProductId { get; set; }
    public long? DutyProductId { get; set; }
    public long? FeeProductId { get; set; }

    /// <summary>For orders whose lines carry no taxes of their own but whose order does (older Shopify orders).</summary>
    public long? DefaultTaxId { get; set; }

    public InvoicePolicy InvoicePolicy { get; set; } = InvoicePolicy.OnImport;
    public UninvoicedRefundPolicy UninvoicedRefunds { get; set; } = UninvoicedRefundPolicy.StandaloneCreditNote;
    public bool ReturnPickingOnRestock { get; set; }

    /// <summary>The largest difference between the store's and Odoo's totals accepted per order.</summary>
    public decimal TotalTolerance { get; set; } = 0.01m;

    public DateTimeOffset UpdatedAt { get; set; }
}
