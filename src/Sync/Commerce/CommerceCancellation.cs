namespace Portal.Sync.Commerce;

/// <summary>Why and when an order was cancelled; WooCommerce records neither, only the status.</summary>
public sealed record CommerceCancellation(DateTimeOffset? At, string? Reason);
