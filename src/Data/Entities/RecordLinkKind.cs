namespace Portal.Data.Entities;

/// <summary>What a <see cref="RecordLink"/> joins.</summary>
public enum RecordLinkKind
{
    Order,
    OrderLine,
    Customer,
    Variant,
    Invoice,
    Payment,
    Refund,
    RefundPayment,
    ReturnPicking,
    Product,
    ProductImage,
    Fulfilment,
}
