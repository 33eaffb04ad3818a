namespace Portal.Sync.Stores;

/// <summary>How many of the store order line <see cref="LineId"/> a delivery shipped.</summary>
public sealed record StoreDeliveryLine(string LineId, int Quantity);
