namespace Portal.Sync.Commerce;

/// <summary>A shipment of some of an order's lines, with its tracking.</summary>
public sealed record CommerceFulfilment
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }
    public required StoreCode<CommerceFulfilmentState> Status { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public required IReadOnlyList<CommerceFulfilmentLine> Lines { get; init; }
    public string? TrackingCompany { get; init; }
    public required IReadOnlyList<string> TrackingNumbers { get; init; }
    public required IReadOnlyList<string> TrackingUrls { get; init; }
}

/// <summary>How many of an order line went out in a fulfilment.</summary>
public sealed record CommerceFulfilmentLine(string LineId, int Quantity);

public enum CommerceFulfilmentState
{
    Other,
    Pending,
    Open,
    Success,
    Cancelled,
    Error,
    Failure,
}
