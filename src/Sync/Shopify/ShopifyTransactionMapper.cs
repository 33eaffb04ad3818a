using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

internal static class ShopifyTransactionMapper
{
    public static CommercePayment Map(PayloadNode transaction)
    {
        var kind = transaction.Text("kind");
        var status = transaction.Text("status");
        return new CommercePayment
        {
            Id = transaction.ShopifyId("OrderTransaction"),
            Gateway = transaction.Text("gateway"),
            Kind = new(KindOf(kind), kind),
            Status = new(StatusOf(status), status),
            Amount = transaction.RequiredMoney("amount"),
            Currency = transaction.Text("currency"),
            ProcessedAt = transaction.Time("processed_at") ?? transaction.Time("created_at"),
        };
    }

    internal static CommercePaymentKind KindOf(string? kind) => kind switch
    {
        "authorization" => CommercePaymentKind.Authorization,
        "capture" => CommercePaymentKind.Capture,
        "sale" => CommercePaymentKind.Sale,
        "refund" => CommercePaymentKind.Refund,
        "void" => CommercePaymentKind.Void,
        _ => CommercePaymentKind.Other,
    };

    internal static CommercePaymentStatus StatusOf(string? status) => status switch
    {
        "pending" => CommercePaymentStatus.Pending,
        "success" => CommercePaymentStatus.Success,
        "failure" or "error" => CommercePaymentStatus.Failure,
        _ => CommercePaymentStatus.Other,
    };
}
