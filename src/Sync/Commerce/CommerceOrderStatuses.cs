namespace Portal.Sync.Commerce;

/// <summary>Where the order's money stands.</summary>
public enum CommerceFinancialStatus
{
    Other,
    Pending,
    Authorized,
    PartiallyPaid,
    Paid,
    PartiallyRefunded,
    Refunded,
    Voided,
    Failed,
}

/// <summary>How much of the order has been sent.</summary>
public enum CommerceFulfilmentStatus
{
    Other,
    Unfulfilled,
    PartiallyFulfilled,
    Fulfilled,
}
