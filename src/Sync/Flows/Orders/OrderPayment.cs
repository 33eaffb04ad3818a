using Portal.Sync.Commerce;

namespace Portal.Sync.Flows.Orders;

/// <summary>Whether the customer has paid: paid orders are confirmed and invoiced; authorized ones are not yet paid.</summary>
public static class OrderPayment
{
    public static bool IsPaid(CommerceOrder order) => order.FinancialStatus.Meaning is
        CommerceFinancialStatus.Paid or CommerceFinancialStatus.PartiallyPaid or CommerceFinancialStatus.PartiallyRefunded or CommerceFinancialStatus.Refunded;
}
