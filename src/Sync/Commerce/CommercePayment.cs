namespace Portal.Sync.Commerce;

/// <summary>
/// A movement of money through a payment gateway: a sale, an authorization, its capture, a refund.
/// <see cref="Gateway"/> is the store's gateway code ("bogus", "bacs"), <see cref="GatewayTitle"/> the name shown
/// to the customer where the store keeps one ("Direct Bank Transfer"). <see cref="Currency"/> is null when the
/// store leaves it out; it is then the order's.
/// </summary>
public sealed record CommercePayment
{
    public string? Id { get; init; }
    public string? Gateway { get; init; }
    public string? GatewayTitle { get; init; }
    public required StoreCode<CommercePaymentKind> Kind { get; init; }
    public required StoreCode<CommercePaymentStatus> Status { get; init; }
    public required decimal Amount { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
}

public enum CommercePaymentKind
{
    Other,
    Authorization,
    Capture,
    Sale,
    Refund,
    Void,
}

public enum CommercePaymentStatus
{
    Other,
    Pending,
    Success,
    Failure,
}
